namespace BotTriage.Bot.Privacy;

/// <summary>
/// One access to health data in the therapist workspace: who (the account name), what (the action and the session it
/// touched, by ids only) and when. Never holds what the person wrote.
/// </summary>
public sealed record AuditEntry(DateTimeOffset Time, string Actor, string Action, string? ChannelId = null, string? ConversationId = null);

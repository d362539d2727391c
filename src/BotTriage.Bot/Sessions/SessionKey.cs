namespace BotTriage.Bot.Sessions;

/// <summary>Which conversation a session belongs to: the channel and the channel's conversation id.</summary>
public sealed record SessionKey(string ChannelId, string ConversationId);

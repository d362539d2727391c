namespace BotTriage.Bot.Sessions;

/// <summary>One page of sessions, newest first, and how many match the filters in all.</summary>
public sealed record SessionPage(IReadOnlyList<SessionRecord> Items, int Total);

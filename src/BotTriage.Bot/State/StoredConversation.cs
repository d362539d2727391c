using BotTriage.Core.Triage;

namespace BotTriage.Bot.State;

/// <summary>A conversation's state as loaded, with the ETag to save against and where it lives.</summary>
public sealed record StoredConversation(TriageState State, string? ETag, bool IsDurable);

using System.Collections.Immutable;

namespace BotTriage.Core.Triage;

/// <summary>What one turn produced: the new state and the replies to send, in order.</summary>
public sealed record TurnResult(TriageState State, ImmutableList<Reply> Replies)
{
    /// <summary>True when the person asked for their data to be deleted and confirmed it.</summary>
    public bool EraseRequested { get; init; }
}

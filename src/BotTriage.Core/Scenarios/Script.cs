using System.Collections.Immutable;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// A scripted conversation: what the person types, turn by turn from the welcome on, and the outcome it should reach.
/// Read from a vignette (<c>.yaml</c>) or a stored Bot Framework transcript (<c>.transcript</c>) by <see cref="ScriptLoader"/>.
/// </summary>
public sealed record Script
{
    /// <summary>The file it was read from, as given (so editors can jump to it).</summary>
    public required string File { get; init; }

    public required string Name { get; init; }

    public required ScriptKind Kind { get; init; }

    /// <summary>The conversation's start language: <c>nl</c> or <c>en</c>.</summary>
    public required string Culture { get; init; }

    /// <summary>The day the conversation takes place on, for durations given as dates; null for the runner's day.</summary>
    public DateOnly? Today { get; init; }

    public required ImmutableList<ScriptTurn> Turns { get; init; }

    public required ExpectedOutcome Expected { get; init; }
}

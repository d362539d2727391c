using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Scenarios;

/// <summary>What running a script gave: the outcome, as an object and as contract JSON, and every field that differs.</summary>
public sealed record ScriptResult(Script Script, TriageOutcome Outcome, JsonElement OutcomeJson, ImmutableList<OutcomeDifference> Differences)
{
    /// <summary>The step the conversation ended at, to see where a script that missed its result got stuck.</summary>
    public required string FinalStep { get; init; }

    public bool Matches => Differences.IsEmpty;
}

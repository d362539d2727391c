using System.Collections.Immutable;

namespace BotTriage.Core.Triage;

/// <summary>Why a route was chosen: the rule, its explanation, and the person's words that triggered it.</summary>
public sealed record OutcomeReason(string Rule, string Text)
{
    public ImmutableList<string> Evidence { get; init; } = [];
}

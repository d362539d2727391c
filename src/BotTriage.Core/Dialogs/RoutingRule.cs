using System.Collections.Immutable;
using BotTriage.Core.Conditions;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// A routing rule from dialogs/routing.yaml: when its condition holds, it adds an urgency tier, routes and
/// massage types, removes what it blocks, and gives its reason.
/// </summary>
public sealed record RoutingRule
{
    public required string Id { get; init; }

    public required Condition When { get; init; }

    /// <summary><c>T0</c>..<c>T4</c>, or null when the rule does not involve a doctor.</summary>
    public string? Urgency { get; init; }

    public ImmutableList<string> Routes { get; init; } = [];

    public ImmutableList<string> MassageTypes { get; init; } = [];

    /// <summary>Routes and massage types this rule rules out, whatever other rules add.</summary>
    public ImmutableList<string> Blocks { get; init; } = [];

    /// <summary>A red flag this rule reports when it fires, for flags that only count in combination (cancer history with back pain).</summary>
    public string? RedFlag { get; init; }

    /// <summary>
    /// The person should check with their own doctor or midwife before booking a massage (pregnancy, heart problems,
    /// cancer treatment): a result that needs no GP then says so instead of "no GP needed first".
    /// </summary>
    public bool DoctorFirst { get; init; }

    public required LocalizedText Reason { get; init; }

    /// <summary>
    /// The reason to give when the rule advises massage among other routes and no massage is left in the result (a
    /// contraindication or a red flag ruled it out): "a physiotherapist together with massage" would contradict it.
    /// Null when the reason does not speak of massage.
    /// </summary>
    public LocalizedText? ReasonWithoutMassage { get; init; }

    public required SourceLine Source { get; init; }
}

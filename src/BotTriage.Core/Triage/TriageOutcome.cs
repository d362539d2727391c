using System.Collections.Immutable;

namespace BotTriage.Core.Triage;

/// <summary>
/// The triage result. Its JSON (camelCase) is the <c>outcome</c> object of the public contract
/// documented in the README; keep names and codes stable.
/// </summary>
public sealed record TriageOutcome
{
    /// <summary><c>T0</c>..<c>T4</c>, or <c>none</c> when no doctor is needed.</summary>
    public string Urgency { get; init; } = "none";

    /// <summary>Route codes: <c>emergency-112</c>, <c>gp</c>, <c>physio</c>, <c>psychologist</c>, <c>massage</c>, <c>self-care</c>.</summary>
    public ImmutableList<string> Routes { get; init; } = [];

    /// <summary>Massage type codes: <c>deep-tissue</c>, <c>fascia-release</c>, <c>runners-legs</c>, <c>relaxation</c>, <c>oncology</c>.</summary>
    public ImmutableList<string> MassageTypes { get; init; } = [];

    /// <summary>Red flag codes that were reported.</summary>
    public ImmutableList<string> RedFlags { get; init; } = [];

    /// <summary>Massage contraindication codes that were reported (contraindications.yaml).</summary>
    public ImmutableList<string> Contraindications { get; init; } = [];

    /// <summary>Questionnaire scores by name (<c>phq2</c>, <c>gad2</c>, ...), for the scores whose questions were answered.</summary>
    public ImmutableSortedDictionary<string, int> Scores { get; init; } = ImmutableSortedDictionary<string, int>.Empty;

    public ImmutableList<OutcomeReason> Reasons { get; init; } = [];

    /// <summary>
    /// True when a massage is advised and the person should check with their own doctor or midwife before booking it
    /// (a rule with <c>doctor-first</c>, such as pregnancy or cancer treatment).
    /// </summary>
    public bool DoctorFirst { get; init; }

    /// <summary>True when the triage ran to its result; false when it was stopped or interrupted.</summary>
    public bool Completed { get; init; }

    /// <summary>True when an emergency interrupted the triage.</summary>
    public bool Emergency { get; init; }
}

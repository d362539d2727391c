using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// One row of dialogs/contraindications.yaml: a massage contraindication and the massage types it rules out. A
/// reported red flag can count as the contraindication too (fever, calf thrombosis signs).
/// </summary>
public sealed record ContraindicationRule
{
    public required string Code { get; init; }

    /// <summary>The massage types that are never advised while this contraindication is reported.</summary>
    public ImmutableList<string> RulesOut { get; init; } = [];

    /// <summary>Red-flag codes that also report this contraindication.</summary>
    public ImmutableList<string> RedFlags { get; init; } = [];

    public required SourceLine Source { get; init; }
}

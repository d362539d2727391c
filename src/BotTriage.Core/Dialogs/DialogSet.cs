using System.Collections.Immutable;
using BotTriage.Core.Understanding;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// A loaded and validated dialogs folder: the flow, the routing rules, the engine's texts, and the recognizers built
/// from its lexicons.
/// </summary>
public sealed record DialogSet(string Directory, FlowDefinition Flow, ImmutableList<RoutingRule> Rules, TextCatalog Texts, UtteranceRecognizer Recognizer)
{
    /// <summary>The contraindication table of contraindications.yaml: which contraindication rules out which massage types.</summary>
    public ImmutableList<ContraindicationRule> Contraindications { get; init; } = [];
}

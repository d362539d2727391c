using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>A loaded and validated dialogs folder: the flow, the routing rules and the engine's texts.</summary>
public sealed record DialogSet(string Directory, FlowDefinition Flow, ImmutableList<RoutingRule> Rules, TextCatalog Texts);

namespace BotTriage.Core.StateMachines;

/// <summary>An edge to draw: its ends, its label and the composite state it is written in (null for the top level).</summary>
internal sealed record GraphEdge(StateInfo Source, StateInfo Destination, string Label, StateInfo? Container);

namespace BotTriage.Core.StateMachines;

/// <summary>A trigger that a state accepts without doing anything, as exported by <c>GetInfo</c>.</summary>
/// <param name="Trigger">The trigger value.</param>
/// <param name="GuardDescription">When the trigger is ignored, or null when it always is.</param>
public sealed record IgnoredTriggerInfo(object Trigger, string? GuardDescription);

namespace BotTriage.Core.StateMachines;

/// <summary>An entry or exit action of a state, as exported by <c>GetInfo</c>.</summary>
/// <param name="Description">What the action does, when the configuration described it.</param>
/// <param name="FromTrigger">For <c>OnEntryFrom</c>, the trigger the action is limited to; otherwise null.</param>
public sealed record ActionInfo(string? Description, object? FromTrigger);

namespace BotTriage.Core.StateMachines;

/// <summary>How a transition in a <see cref="StateMachineInfo"/> moves the machine.</summary>
public enum TransitionKind
{
    /// <summary>Leaves the source and enters the destination (<c>Permit</c>, <c>PermitIf</c>).</summary>
    External,

    /// <summary>Leaves and enters the same state again, running its exit and entry actions (<c>PermitReentry</c>).</summary>
    Reentry,

    /// <summary>Runs an action without leaving the state (<c>InternalTransition</c>).</summary>
    Internal,
}

using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class StateMachineSubstateTests
{
    private readonly List<string> _log = [];

    [Fact]
    public void IsInStateIsTrueForTheStateAndItsAncestors()
    {
        var machine = Build("pain");

        var inPain = machine.IsInState("pain");
        var inAssessment = machine.IsInState("assessment");
        var inWelcome = machine.IsInState("welcome");

        Assert.True(inPain);
        Assert.True(inAssessment);
        Assert.False(inWelcome);
    }

    [Fact]
    public void TriggerPermittedInTheParentAppliesToItsSubstates()
    {
        var machine = Build("pain");

        machine.Fire("stop");

        Assert.Equal("done", machine.State);
    }

    [Fact]
    public void SubstateRuleTakesPrecedenceOverTheParentRule()
    {
        var machine = Build("severity");

        machine.Fire("stop");

        Assert.Equal("severity", machine.State);
    }

    [Fact]
    public void PermittedTriggersListTheSubstateFirstThenItsParent()
    {
        var machine = Build("pain");

        var permitted = machine.PermittedTriggers;

        Assert.Equal(["next", "stop"], permitted);
    }

    [Fact]
    public void TransitionBetweenSiblingsDoesNotRunTheParentActions()
    {
        var machine = Build("pain");

        machine.Fire("next");

        Assert.Equal(["exit pain", "enter severity"], _log);
    }

    [Fact]
    public void LeavingASubstateForOutsideExitsInnerFirstThenTheParent()
    {
        var machine = Build("pain");

        machine.Fire("stop");

        Assert.Equal(["exit pain", "exit assessment", "enter done"], _log);
    }

    [Fact]
    public void EnteringASubstateFromOutsideEntersTheParentFirst()
    {
        var machine = Build("welcome");

        machine.Fire("jump");

        Assert.Equal(["exit welcome", "enter assessment", "enter severity"], _log);
    }

    [Fact]
    public void InitialTransitionEntersTheInitialSubstate()
    {
        var machine = Build("welcome");

        machine.Fire("start");

        Assert.Equal("pain", machine.State);
        Assert.Equal(["exit welcome", "enter assessment", "enter pain"], _log);
    }

    [Fact]
    public void StateCannotBeItsOwnAncestor()
    {
        var machine = Build("welcome");

        var error = Assert.Throws<ArgumentException>(() => machine.Configure("assessment").SubstateOf("pain"));

        Assert.StartsWith("State 'assessment' cannot be a substate of 'pain': a state cannot be its own ancestor.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StateCannotBeASubstateOfItself()
    {
        var machine = new StateMachine<string, string>("a");

        Assert.Throws<ArgumentException>(() => machine.Configure("a").SubstateOf("a"));
    }

    [Fact]
    public void InitialTransitionToAStateThatIsNotASubstateIsRejectedWhenBound()
    {
        var machine = new StateMachine<string, string>("a");
        machine.Configure("a").InitialTransition("b");
        var state = "a";

        var error = Assert.Throws<InvalidOperationException>(() => machine.Bind(() => state, s => state = s));

        Assert.Contains("not a direct substate", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// welcome -start-> assessment { pain (initial) -next-> severity }, assessment -stop-> done, severity ignores stop,
    /// welcome -jump-> severity; every state logs its entry and exit.
    /// </summary>
    private StateMachine<string, string> Build(string initial)
    {
        var machine = new StateMachine<string, string>(initial);
        machine.Configure("welcome").Permit("start", "assessment").Permit("jump", "severity");
        machine.Configure("assessment").InitialTransition("pain").Permit("stop", "done");
        machine.Configure("pain").SubstateOf("assessment").Permit("next", "severity");
        machine.Configure("severity").SubstateOf("assessment").Ignore("stop");
        foreach (var state in new[] { "welcome", "assessment", "pain", "severity", "done" })
        {
            machine.Configure(state).OnEntry(() => _log.Add($"enter {state}")).OnExit(() => _log.Add($"exit {state}"));
        }

        return machine;
    }
}

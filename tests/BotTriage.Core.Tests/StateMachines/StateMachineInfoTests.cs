using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class StateMachineInfoTests
{
    [Fact]
    public void InfoListsStatesInTheOrderTheyWereFirstMentioned()
    {
        var machine = SampleMachines.Intake();

        var info = machine.GetInfo();

        Assert.Equal(["welcome", "assessment", "pain", "red-flags", "done"], info.States.Select(s => s.UnderlyingState));
        Assert.Equal("welcome", info.InitialState);
        Assert.Equal(typeof(string), info.StateType);
    }

    [Fact]
    public void InfoDescribesSubstatesAndTheInitialTransition()
    {
        var machine = SampleMachines.Intake();

        var assessment = machine.GetInfo().FindState("assessment")!;

        Assert.Equal(["pain", "red-flags"], assessment.Substates);
        Assert.Equal("pain", assessment.InitialTransitionTarget);
        Assert.Equal("assessment", machine.GetInfo().FindState("pain")!.Superstate);
    }

    [Fact]
    public void InfoCarriesGuardDescriptionsInEvaluationOrder()
    {
        var machine = SampleMachines.Intake();

        var pain = machine.GetInfo().FindState("pain")!;

        Assert.Equal(
            [
                new TransitionInfo("next", "red-flags", TransitionKind.External, "pain > 7", []),
                new TransitionInfo("next", "done", TransitionKind.External, null, []),
            ],
            pain.Transitions,
            (a, b) => a.Trigger.Equals(b.Trigger) && a.Destination.Equals(b.Destination) && a.Kind == b.Kind && a.GuardDescription == b.GuardDescription);
    }

    [Fact]
    public void InfoDescribesIgnoredTriggersActionsAndParameters()
    {
        var machine = new StateMachine<string, string>("severity");
        var answer = machine.SetTriggerParameters<int>("answer");
        machine.Configure("severity")
            .IgnoreIf("hello", () => true, "already greeted")
            .PermitIf(answer, "urgent", score => score > 7, "score above 7")
            .PermitReentry("unclear")
            .OnEntry(() => { }, "ask for a score")
            .OnExit(() => { });
        machine.Configure("urgent").OnEntryFrom(answer, _ => { }, "record the score");

        var info = machine.GetInfo();

        var severity = info.FindState("severity")!;
        Assert.Equal([new IgnoredTriggerInfo("hello", "already greeted")], severity.IgnoredTriggers);
        Assert.Equal([typeof(int)], severity.Transitions[0].ParameterTypes);
        Assert.Equal(TransitionKind.Reentry, severity.Transitions[1].Kind);
        Assert.Equal("severity", severity.Transitions[1].Destination);
        Assert.Equal([new ActionInfo("ask for a score", null)], severity.EntryActions);
        Assert.Equal([new ActionInfo(null, null)], severity.ExitActions);
        Assert.Equal([new ActionInfo("record the score", "answer")], info.FindState("urgent")!.EntryActions);
    }

    [Fact]
    public void ExternalStorageMachineHasNoKnownInitialState()
    {
        var machine = new StateMachine<string, string>(() => "a", _ => { });
        machine.Configure("a").Permit("go", "b");

        var info = machine.GetInfo();

        Assert.Null(info.InitialState);
    }

    [Fact]
    public void ReachableStatesFollowTransitionsInheritedRulesAndInitialSubstates()
    {
        var machine = SampleMachines.Intake();
        machine.Configure("orphan").Permit("go", "welcome");

        var reachable = machine.GetInfo().GetReachableStates("welcome");

        Assert.Equal(["welcome", "assessment", "pain", "done", "red-flags"], reachable);
    }
}

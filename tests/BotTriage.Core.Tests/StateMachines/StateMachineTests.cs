using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class StateMachineTests
{
    [Fact]
    public void PermitMovesToTheDestinationState()
    {
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "complaint");

        machine.Fire("start");

        Assert.Equal("complaint", machine.State);
    }

    [Fact]
    public void ExternalStorageIsReadThroughTheAccessorAndWrittenThroughTheMutator()
    {
        var stored = "welcome";
        var writes = new List<string>();
        var machine = new StateMachine<string, string>(() => stored, s => { writes.Add(s); stored = s; });
        machine.Configure("welcome").Permit("start", "complaint");
        machine.Configure("complaint").Permit("back", "welcome");
        stored = "complaint";

        machine.Fire("back");

        Assert.Equal("welcome", stored);
        Assert.Equal(["welcome"], writes);
    }

    [Fact]
    public void FirstPassingGuardWinsWhenSeveralAreConfigured()
    {
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain")
            .PermitIf("next", "emergency", () => false, "chest pain")
            .PermitIf("next", "gp", () => true, "fever")
            .PermitIf("next", "physio", () => true, "back pain");

        machine.Fire("next");

        Assert.Equal("gp", machine.State);
    }

    [Fact]
    public void UnguardedPermitConfiguredLastIsTheFallback()
    {
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain")
            .PermitIf("next", "emergency", () => false, "chest pain")
            .Permit("next", "physio");

        machine.Fire("next");

        Assert.Equal("physio", machine.State);
    }

    [Fact]
    public void RuleAfterAnUnconditionalRuleForTheSameTriggerIsRejected()
    {
        var machine = new StateMachine<string, string>("pain");
        var pain = machine.Configure("pain").Permit("next", "physio");

        var error = Assert.Throws<InvalidOperationException>(() => pain.PermitIf("next", "emergency", () => true, "chest pain"));

        Assert.Contains("'pain'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'next'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermitAndIgnoreOfTheSameTriggerInOneStateIsRejected()
    {
        var machine = new StateMachine<string, string>("pain");
        var pain = machine.Configure("pain").Permit("next", "physio");

        var error = Assert.Throws<InvalidOperationException>(() => pain.Ignore("next"));

        Assert.Contains("Ignore would never apply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PermitToTheSameStateIsRejected()
    {
        var machine = new StateMachine<string, string>("pain");

        var error = Assert.Throws<ArgumentException>(() => machine.Configure("pain").Permit("again", "pain"));

        Assert.Contains("PermitReentry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardDescriptionIsRequired()
    {
        var machine = new StateMachine<string, string>("pain");

        Assert.Throws<ArgumentException>(() => machine.Configure("pain").PermitIf("next", "gp", () => true, " "));
    }

    [Fact]
    public void UnhandledTriggerThrowsNamingTheStateAndTheTrigger()
    {
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "complaint");

        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("stop"));

        Assert.Equal("Trigger 'stop' is not permitted in state 'welcome'. Configure or Ignore it, or set OnUnhandledTrigger.", error.Message);
    }

    [Fact]
    public void UnhandledTriggerMessageListsTheGuardsThatWereNotMet()
    {
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain").PermitIf("next", "gp", () => false, "fever");

        var error = Assert.Throws<InvalidOperationException>(() => machine.Fire("next"));

        Assert.Contains("Guards not met: [fever].", error.Message, StringComparison.Ordinal);
        Assert.Equal("pain", machine.State);
    }

    [Fact]
    public void UnhandledTriggerHookReplacesTheException()
    {
        var machine = new StateMachine<string, string>("welcome");
        (string State, string Trigger)? unhandled = null;
        machine.OnUnhandledTrigger((state, trigger) => unhandled = (state, trigger));

        machine.Fire("stop");

        Assert.Equal(("welcome", "stop"), unhandled);
        Assert.Equal("welcome", machine.State);
    }

    [Fact]
    public void IgnoredTriggerDoesNothing()
    {
        var machine = new StateMachine<string, string>("welcome");
        var entered = 0;
        machine.Configure("welcome").Ignore("hello").OnEntry(() => entered++);

        machine.Fire("hello");

        Assert.Equal("welcome", machine.State);
        Assert.Equal(0, entered);
    }

    [Fact]
    public void IgnoreIfIgnoresOnlyWhileItsGuardPasses()
    {
        var muted = true;
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").IgnoreIf("start", () => muted, "muted").Permit("start", "complaint");

        machine.Fire("start");
        var whileMuted = machine.State;
        muted = false;
        machine.Fire("start");

        Assert.Equal("welcome", whileMuted);
        Assert.Equal("complaint", machine.State);
    }

    [Fact]
    public void EntryAndExitActionsRunWithTheTransition()
    {
        var log = new List<string>();
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "complaint").OnExit(t => log.Add($"exit {t.Source} to {t.Destination}"));
        machine.Configure("complaint").OnEntry(t => log.Add($"enter {t.Destination} by {t.Trigger}")).OnEntry(() => log.Add("second entry"));

        machine.Fire("start");

        Assert.Equal(["exit welcome to complaint", "enter complaint by start", "second entry"], log);
    }

    [Fact]
    public void EntryActionsSeeTheNewState()
    {
        var machine = new StateMachine<string, string>("welcome");
        string? seen = null;
        machine.Configure("welcome").Permit("start", "complaint");
        machine.Configure("complaint").OnEntry(() => seen = machine.State);

        machine.Fire("start");

        Assert.Equal("complaint", seen);
    }

    [Fact]
    public void ReentryRunsExitAndEntryAgain()
    {
        var log = new List<string>();
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain")
            .PermitReentry("unclear")
            .OnExit(() => log.Add("exit"))
            .OnEntry(t => log.Add($"enter reentry={t.IsReentry}"));

        machine.Fire("unclear");

        Assert.Equal(["exit", "enter reentry=True"], log);
        Assert.Equal("pain", machine.State);
    }

    [Fact]
    public void InternalTransitionRunsItsActionWithoutExitOrEntry()
    {
        var log = new List<string>();
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain")
            .InternalTransition("help", t => log.Add($"help in {t.Source}"))
            .OnExit(() => log.Add("exit"))
            .OnEntry(() => log.Add("enter"));

        machine.Fire("help");

        Assert.Equal(["help in pain"], log);
    }

    [Fact]
    public void PermittedTriggersEvaluateGuardsAndIncludeIgnoredTriggers()
    {
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain")
            .Permit("next", "severity")
            .PermitIf("urgent", "emergency", () => false, "chest pain")
            .Ignore("hello");

        var permitted = machine.PermittedTriggers;

        Assert.Equal(["next", "hello"], permitted);
        Assert.True(machine.CanFire("next"));
        Assert.False(machine.CanFire("urgent"));
    }

    [Fact]
    public void ParameterReachesTheGuardAndOnEntryFrom()
    {
        var machine = new StateMachine<string, string>("severity");
        var answer = machine.SetTriggerParameters<int>("answer");
        int? recorded = null;
        machine.Configure("severity")
            .PermitIf(answer, "urgent", score => score >= 8, "score 8 or more")
            .Permit("answer", "routine");
        machine.Configure("urgent").OnEntryFrom(answer, score => recorded = score);

        machine.Fire(answer, 9);

        Assert.Equal("urgent", machine.State);
        Assert.Equal(9, recorded);
    }

    [Fact]
    public void ParameterThatFailsTheGuardFallsThroughToTheNextRule()
    {
        var machine = new StateMachine<string, string>("severity");
        var answer = machine.SetTriggerParameters<int>("answer");
        machine.Configure("severity")
            .PermitIf(answer, "urgent", score => score >= 8, "score 8 or more")
            .Permit("answer", "routine");

        machine.Fire(answer, 3);

        Assert.Equal("routine", machine.State);
    }

    [Fact]
    public void TwoParametersReachTheGuardTheTransitionAndOnEntryFrom()
    {
        var machine = new StateMachine<string, string>("location");
        var answer = machine.SetTriggerParameters<string, int>("answer");
        string? entered = null;
        StateMachine<string, string>.Transition? transition = null;
        machine.Configure("location").PermitIf(answer, "back", (place, weeks) => place == "back" && weeks > 2, "back pain for more than two weeks");
        machine.Configure("back").OnEntryFrom(answer, (place, weeks) => entered = $"{place} {weeks}").OnEntry(t => transition = t);

        machine.Fire(answer, "back", 3);

        Assert.Equal("back 3", entered);
        Assert.Equal(["back", 3], transition!.Parameters);
    }

    [Fact]
    public void OnEntryFromRunsOnlyForItsTrigger()
    {
        var machine = new StateMachine<string, string>("welcome");
        var entries = new List<string>();
        machine.Configure("welcome").Permit("start", "complaint").Permit("skip", "complaint");
        machine.Configure("complaint").OnEntryFrom("start", _ => entries.Add("from start"));

        machine.Fire("skip");

        Assert.Empty(entries);
    }

    [Fact]
    public void PermittedTriggersWithArgumentsEvaluateParameterisedGuards()
    {
        var machine = new StateMachine<string, string>("severity");
        var answer = machine.SetTriggerParameters<int>("answer");
        machine.Configure("severity")
            .PermitIf(answer, "urgent", score => score >= 8, "score 8 or more")
            .Permit("back", "welcome");

        var withHighScore = machine.GetPermittedTriggers(9);
        var withLowScore = machine.GetPermittedTriggers(2);
        var withoutArguments = machine.GetPermittedTriggers();

        Assert.Equal(["answer", "back"], withHighScore);
        Assert.Equal(["back"], withLowScore);
        Assert.Equal(["back"], withoutArguments);
        Assert.True(machine.CanFire(answer, 8));
        Assert.False(machine.CanFire(answer, 7));
    }

    [Fact]
    public void FiringWithTheWrongParameterTypeIsRejected()
    {
        var machine = new StateMachine<string, string>("severity");
        var answer = machine.SetTriggerParameters<int>("answer");
        machine.Configure("severity").Permit("answer", "routine");

        var error = Assert.Throws<ArgumentException>(() => machine.Fire(answer, "nine"));

        Assert.StartsWith("Trigger 'answer' expects arguments (Int32) but was fired with (String).", error.Message, StringComparison.Ordinal);
        Assert.Equal("severity", machine.State);
    }

    [Fact]
    public void FiringAParameterisedTriggerWithoutArgumentsIsRejected()
    {
        var machine = new StateMachine<string, string>("severity");
        machine.SetTriggerParameters<int>("answer");
        machine.Configure("severity").Permit("answer", "routine");

        Assert.Throws<ArgumentException>(() => machine.Fire("answer"));
    }

    [Fact]
    public void SettingTheParametersOfATriggerTwiceIsRejected()
    {
        var machine = new StateMachine<string, string>("severity");
        machine.SetTriggerParameters<int>("answer");

        var error = Assert.Throws<InvalidOperationException>(() => machine.SetTriggerParameters<string>("answer"));

        Assert.Contains("already configured as (Int32)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TriggerWithParametersOfAnotherMachineIsRejectedWhenItsTypesDiffer()
    {
        var other = new StateMachine<string, string>("a").SetTriggerParameters<string>("answer");
        var machine = new StateMachine<string, string>("severity");
        machine.SetTriggerParameters<int>("answer");

        Assert.Throws<ArgumentException>(() => machine.Configure("severity").PermitIf(other, "urgent", _ => true, "anything"));
    }

    [Fact]
    public void FiringFromInsideAnActionIsRejected()
    {
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "complaint");
        machine.Configure("complaint").Permit("next", "done").OnEntry(() => machine.Fire("next"));

        Assert.Throws<InvalidOperationException>(() => machine.Fire("start"));
    }

    [Fact]
    public void ToStringNamesTheStateAndThePermittedTriggers()
    {
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "complaint").Permit("stop", "done");

        var text = machine.ToString();

        Assert.Equal("StateMachine { State = welcome, PermittedTriggers = { start, stop } }", text);
    }
}

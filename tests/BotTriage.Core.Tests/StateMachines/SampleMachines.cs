using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

/// <summary>Small machines shared by the info and graph tests, so the expected texts describe one known shape.</summary>
internal static class SampleMachines
{
    /// <summary>
    /// welcome -start-> assessment { pain (initial) -next [pain > 7]-> red-flags }, pain -next-> done,
    /// assessment -stop-> done.
    /// </summary>
    public static StateMachine<string, string> Intake()
    {
        var machine = new StateMachine<string, string>("welcome");
        machine.Configure("welcome").Permit("start", "assessment");
        machine.Configure("assessment").InitialTransition("pain");
        machine.Configure("pain").SubstateOf("assessment").PermitIf("next", "red-flags", () => true, "pain > 7").Permit("next", "done");
        machine.Configure("red-flags").SubstateOf("assessment");
        machine.Configure("assessment").Permit("stop", "done");
        return machine;
    }
}

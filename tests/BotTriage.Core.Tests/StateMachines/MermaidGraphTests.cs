using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class MermaidGraphTests
{
    [Fact]
    public void FormatsASmallMachineExactly()
    {
        var info = SampleMachines.Intake().GetInfo();

        var text = MermaidGraph.Format(info);

        Assert.Equal(
            """
            stateDiagram-v2
                welcome
                state assessment {
                    pain
                    state "red-flags" as red_flags
                    [*] --> pain
                    pain --> red_flags : next [pain #gt; 7]
                }
                done
                [*] --> welcome
                welcome --> assessment : start
                assessment --> done : stop
                pain --> done : next

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void SameMachineGivesTheSameText()
    {
        var first = MermaidGraph.Format(SampleMachines.Intake().GetInfo());

        var second = MermaidGraph.Format(SampleMachines.Intake().GetInfo());

        Assert.Equal(first, second);
    }

    [Fact]
    public void QuotesAndSpecialCharactersAreEscapedAndIdsAreUnique()
    {
        var machine = new StateMachine<string, string>("\"odd\"");
        machine.Configure("\"odd\"").PermitIf("say: \"hi\"; #1", "red-flags", () => true, "a <b> {c}").Permit("end", "end");
        machine.Configure("red_flags").Permit("go", "red-flags");

        var text = MermaidGraph.Format(machine.GetInfo());

        Assert.Equal(
            """
            stateDiagram-v2
                state "#quot;odd#quot;" as _odd_
                state "red-flags" as red_flags_2
                state "end" as end_
                red_flags
                [*] --> _odd_
                _odd_ --> red_flags_2 : say#58; #quot;hi#quot;#59; #35;1 [a #lt;b#gt; #123;c#125;]
                _odd_ --> end_ : end
                red_flags --> red_flags_2 : go

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void ReentryAndInternalTransitionsAreSelfLoops()
    {
        var machine = new StateMachine<string, string>("pain");
        machine.Configure("pain").PermitReentry("unclear").InternalTransition("help", _ => { });

        var text = MermaidGraph.Format(machine.GetInfo());

        Assert.Contains("    pain --> pain : unclear\n", text, StringComparison.Ordinal);
        Assert.Contains("    pain --> pain : help (internal)\n", text, StringComparison.Ordinal);
    }
}

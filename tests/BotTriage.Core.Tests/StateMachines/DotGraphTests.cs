using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class DotGraphTests
{
    [Fact]
    public void FormatsASmallMachineExactly()
    {
        var info = SampleMachines.Intake().GetInfo();

        var text = DotGraph.Format(info);

        Assert.Equal(
            """
            digraph {
                rankdir="LR";
                node [shape=box, style=rounded];
                "welcome";
                subgraph "cluster_assessment" {
                    label="assessment";
                    "assessment";
                    "pain";
                    "red-flags";
                }
                "done";
                "welcome" -> "assessment" [label="start"];
                "assessment" -> "done" [label="stop"];
                "pain" -> "red-flags" [label="next [pain > 7]"];
                "pain" -> "done" [label="next"];
                "assessment" -> "pain" [style=dashed];
                "__initial" [label="", shape=point];
                "__initial" -> "welcome";
            }

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void SameMachineGivesTheSameText()
    {
        var first = DotGraph.Format(SampleMachines.Intake().GetInfo());

        var second = DotGraph.Format(SampleMachines.Intake().GetInfo());

        Assert.Equal(first, second);
    }

    [Fact]
    public void QuotesBackslashesAndLineBreaksAreEscaped()
    {
        var machine = new StateMachine<string, string>("\"odd\"");
        machine.Configure("\"odd\"").PermitIf("a\\b", "two\nlines", () => true, "say \"yes\"");

        var text = DotGraph.Format(machine.GetInfo());

        Assert.Contains("    \"\\\"odd\\\"\" -> \"two\\nlines\" [label=\"a\\\\b [say \\\"yes\\\"]\"];\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void InitialPointDoesNotCollideWithAStateOfTheSameName()
    {
        var machine = new StateMachine<string, string>("__initial");
        machine.Configure("__initial").Permit("go", "next");

        var text = DotGraph.Format(machine.GetInfo());

        Assert.Contains("    \"__initial_\" -> \"__initial\";\n", text, StringComparison.Ordinal);
    }
}

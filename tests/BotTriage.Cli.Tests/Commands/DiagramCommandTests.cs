namespace BotTriage.Cli.Tests.Commands;

public sealed class DiagramCommandTests
{
    [Fact]
    public async Task PrintsTheFlowAsAMermaidStateDiagram()
    {
        var (exit, output, _) = await CliRunner.RunAsync("", "diagram");

        Assert.Equal(0, exit);
        Assert.StartsWith("stateDiagram-v2", output, StringComparison.Ordinal);
        Assert.Contains("[*] --> emergency_screen", output, StringComparison.Ordinal);
        Assert.Contains("location --> duration : answered", output, StringComparison.Ordinal);
        Assert.Contains("rf_sudden_weakness --> result : yes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintsTheFlowAsDot()
    {
        var (exit, output, _) = await CliRunner.RunAsync("", "diagram", "--format", "dot");

        Assert.Equal(0, exit);
        Assert.StartsWith("digraph", output, StringComparison.Ordinal);
        Assert.Contains("\"location\" -> \"duration\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAnUnknownFormat()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "diagram", "--format", "png");

        Assert.Equal(CommandLine.UsageError, exit);
        Assert.Contains("mermaid|dot", error, StringComparison.Ordinal);
    }
}

using BotTriage.Core.StateMachines;
using BotTriage.Core.Triage;

namespace BotTriage.Cli.Commands;

/// <summary><c>bottriage diagram [--format mermaid|dot] [DIR]</c>: the flow's graph, for people to review.</summary>
internal sealed class DiagramCommand : ICommand
{
    public string Name => "diagram";

    public string Summary => "print the flow's graph [--format mermaid|dot] [DIR]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        var parsed = CommandArguments.Parse(args, ["format"], [], out var problem);
        var format = parsed?.Option("format") ?? "mermaid";
        if (parsed is null || parsed.Positional.Count > 1 || format is not ("mermaid" or "dot"))
        {
            await io.Error.WriteLineAsync($"bottriage diagram: {problem ?? "bad arguments"}. Usage: bottriage diagram [--format mermaid|dot] [DIR]").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        if (await DialogsOption.LoadAsync(parsed.Positional.Count == 1 ? parsed.Positional[0] : null, io).ConfigureAwait(false) is not { } dialogs)
        {
            return 1;
        }

        var info = new FlowNavigator(dialogs.Flow).Info;
        await io.Out.WriteAsync(format == "dot" ? DotGraph.Format(info) : MermaidGraph.Format(info)).ConfigureAwait(false);
        return 0;
    }
}

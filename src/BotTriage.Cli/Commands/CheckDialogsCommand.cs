using System.Globalization;
using BotTriage.Core.Dialogs;

namespace BotTriage.Cli.Commands;

/// <summary><c>bottriage check-dialogs [DIR]</c>: validates a dialogs folder and lists every error with file and line.</summary>
internal sealed class CheckDialogsCommand : ICommand
{
    public string Name => "check-dialogs";

    public string Summary => "validate a dialogs folder; every error as file:line: message";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        var parsed = CommandArguments.Parse(args, [], [], out var problem);
        if (parsed is null || parsed.Positional.Count > 1)
        {
            await io.Error.WriteLineAsync($"bottriage check-dialogs: {problem ?? "at most one folder"}. Usage: bottriage check-dialogs [DIR]").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        var directory = parsed.Positional.Count == 1 ? parsed.Positional[0] : DialogPaths.Default;
        var (set, errors) = DialogLoader.Check(directory);
        foreach (var error in errors)
        {
            await io.Out.WriteLineAsync(DialogsOption.Located(directory, error)).ConfigureAwait(false);
        }

        if (set is null)
        {
            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{errors.Count} error(s) in {directory}")).ConfigureAwait(false);
            return 1;
        }

        await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{directory}: OK ({set.Flow.States.Count} states, {set.Rules.Count} routing rules)")).ConfigureAwait(false);
        return 0;
    }
}

using System.Globalization;
using BotTriage.Cli.Commands;

namespace BotTriage.Cli;

/// <summary>Dispatches <c>bottriage VERB ...</c> to its command.</summary>
public static class CommandLine
{
    /// <summary>Exit code for wrong usage, as sysexits' EX_USAGE.</summary>
    public const int UsageError = 64;

    private static readonly ICommand[] Commands =
    [
        new ChatCommand(),
        new CheckDialogsCommand(),
        new DiagramCommand(),
        new HashPasswordCommand(),
        new RecognizeCommand(),
        new ReplayCommand(),
        new TeamsPackageCommand(),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);

        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            await WriteUsageAsync(io.Out).ConfigureAwait(false);
            return args.Count == 0 ? UsageError : 0;
        }

        var command = Array.Find(Commands, c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bottriage: unknown command '{args[0]}'. Run 'bottriage help' for the list.")).ConfigureAwait(false);
            return UsageError;
        }

        return await command.RunAsync([.. args.Skip(1)], io, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteUsageAsync(TextWriter output)
    {
        await output.WriteLineAsync("usage: bottriage <command> [options]").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var command in Commands)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {command.Name,-16}{command.Summary}")).ConfigureAwait(false);
        }
    }
}

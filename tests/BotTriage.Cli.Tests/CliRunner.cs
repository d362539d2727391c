namespace BotTriage.Cli.Tests;

/// <summary>Runs <c>bottriage</c> in-process with scripted standard input, as a pipe would.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(args, new ConsoleIo(stdin, stdout, stderr, InputIsTerminal: false), CancellationToken.None);

        return (exit, stdout.ToString(), stderr.ToString());
    }
}

namespace BotTriage.Cli;

/// <summary>The streams a command talks through, so tests can run commands in-process.</summary>
public sealed record ConsoleIo(TextReader In, TextWriter Out, TextWriter Error, bool InputIsTerminal)
{
    public static ConsoleIo FromConsole()
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        Console.InputEncoding = System.Text.Encoding.UTF8;
        return new ConsoleIo(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);
    }
}

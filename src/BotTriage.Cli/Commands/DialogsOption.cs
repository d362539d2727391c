using BotTriage.Core.Dialogs;

namespace BotTriage.Cli.Commands;

/// <summary>Loads the dialogs folder a command was pointed at, printing every error when it is broken.</summary>
internal static class DialogsOption
{
    public static async Task<DialogSet?> LoadAsync(string? directory, ConsoleIo io)
    {
        var path = directory ?? DialogPaths.Default;
        var (set, errors) = DialogLoader.Check(path);
        if (set is not null)
        {
            return set;
        }

        foreach (var error in errors)
        {
            await io.Error.WriteLineAsync(Located(path, error)).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>The error with its file shown as a path under the folder, so editors can jump to it.</summary>
    public static string Located(string directory, DialogError error) =>
        (error with { File = Path.Combine(directory, error.File) }).ToString();
}

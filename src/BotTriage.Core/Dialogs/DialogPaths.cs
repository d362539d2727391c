namespace BotTriage.Core.Dialogs;

/// <summary>Where the dialogs folder is found by default: next to the program, where the build copies it.</summary>
public static class DialogPaths
{
    public static string Default => Path.Combine(AppContext.BaseDirectory, "dialogs");
}

using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Tests.Scenarios;

/// <summary>The fixture scripts copied next to the tests, and a scratch folder for scripts written by a test.</summary>
internal static class ScenarioFixtures
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Fixtures");

    public static string File(string name) => Path.Combine(Folder, name);

    /// <summary>The shipped vignettes, copied with the dialogs folder.</summary>
    public static string ShippedVignettes => Path.Combine(DialogPaths.Default, "vignettes");
}

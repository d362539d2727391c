using BotTriage.Testing;

namespace BotTriage.Browser.Tests;

/// <summary><c>TestResults/browser/</c> at the repository root, where <c>tests/run.sh</c> collects the results.</summary>
internal static class TestResultsFolder
{
    /// <summary>The full path of <paramref name="name"/> in the folder, which is created when missing.</summary>
    public static string File(string name)
    {
        var folder = Path.Combine(RepositoryFolder.Find() ?? AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

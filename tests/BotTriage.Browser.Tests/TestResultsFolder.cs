namespace BotTriage.Browser.Tests;

/// <summary><c>TestResults/browser/</c> at the repository root, where <c>tests/run.sh</c> collects the results.</summary>
internal static class TestResultsFolder
{
    /// <summary>The full path of <paramref name="name"/> in the folder, which is created when missing.</summary>
    public static string File(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "BotTriage.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

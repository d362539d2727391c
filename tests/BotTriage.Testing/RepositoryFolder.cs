namespace BotTriage.Testing;

/// <summary>The repository's root folder (the one holding <c>BotTriage.sln</c>), found upwards from the test's output.</summary>
public static class RepositoryFolder
{
    /// <summary>The root's full path, or null when the tests run outside a checkout.</summary>
    public static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "BotTriage.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}

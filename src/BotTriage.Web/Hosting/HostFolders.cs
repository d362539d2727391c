namespace BotTriage.Web.Hosting;

/// <summary>
/// Where the host reads its <c>appsettings.json</c> and <c>wwwroot</c> from. ASP.NET Core takes the current folder,
/// which is right for <c>dotnet run</c> (the project folder) and for a build or publish folder started in place; started
/// from anywhere else (<c>dotnet src/BotTriage.Web/bin/Release/net10.0/BotTriage.Web.dll</c> from the repository) it
/// would find neither, and serve the chat page without its scripts and log every request. So when the current folder
/// holds no <c>appsettings.json</c> and no content root is configured, the app's own folder is the content root.
/// </summary>
public static class HostFolders
{
    private const string SettingsFile = "appsettings.json";

    /// <summary>The content root to start with, or null for ASP.NET Core's own choice.</summary>
    public static string? ContentRoot(IReadOnlyList<string> args) =>
        ContentRoot(args, Environment.CurrentDirectory, AppContext.BaseDirectory, Environment.GetEnvironmentVariable);

    internal static string? ContentRoot(IReadOnlyList<string> args, string currentFolder, string appFolder, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configured = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        if (configured || File.Exists(Path.Combine(currentFolder, SettingsFile)))
        {
            return null;
        }

        return File.Exists(Path.Combine(appFolder, SettingsFile)) ? appFolder : null;
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.Teams;
using Microsoft.Extensions.Configuration;

namespace BotTriage.Cli.Commands;

/// <summary>
/// <c>bottriage teams-package --app-id GUID --domain HOST [--out FILE] [--config FILE] [...]</c>: writes the Teams
/// app package an admin uploads (manifest.json, en-US.json, color.png, outline.png), after validating it against
/// manifest schema 1.22. Name, descriptions, accent colour and the developer's URLs come from the <c>Teams</c>
/// section of a settings file, and options override them. On any problem nothing is written and the exit code is 1.
/// </summary>
internal sealed class TeamsPackageCommand : ICommand
{
    private const string Usage =
        "Usage: bottriage teams-package --app-id GUID --domain HOST [--out FILE.zip] [--config appsettings.json] " +
        "[--name TEXT] [--description TEXT] [--accent-color #RRGGBB] [--version X.Y.Z] [--website-url URL] [--privacy-url URL] [--terms-url URL]";

    private static readonly string[] Options =
        ["app-id", "domain", "out", "config", "name", "description", "accent-color", "version", "website-url", "privacy-url", "terms-url"];

    public string Name => "teams-package";

    public string Summary => "write the Microsoft Teams app package --app-id GUID --domain HOST [--out FILE]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        var parsed = CommandArguments.Parse(args, Options, [], out var problem);
        if (parsed is null || parsed.Positional.Count > 0 || parsed.Option("app-id") is null || parsed.Option("domain") is null)
        {
            problem ??= parsed?.Positional.Count > 0 ? $"unexpected argument '{parsed.Positional[0]}'" : "--app-id and --domain are required";
            await io.Error.WriteLineAsync($"bottriage teams-package: {problem}. {Usage}").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        var teams = new TeamsOptions();
        if (parsed.Option("config") is { } configPath)
        {
            if (await ReadSettingsAsync(configPath, teams, io, cancellationToken).ConfigureAwait(false) is false)
            {
                return 1;
            }
        }

        teams.AppName = parsed.Option("name") ?? teams.AppName;
        teams.ShortDescription = parsed.Option("description") ?? teams.ShortDescription;
        teams.AccentColor = parsed.Option("accent-color") ?? teams.AccentColor;
        teams.WebsiteUrl = parsed.Option("website-url") ?? teams.WebsiteUrl;
        teams.PrivacyUrl = parsed.Option("privacy-url") ?? teams.PrivacyUrl;
        teams.TermsOfUseUrl = parsed.Option("terms-url") ?? teams.TermsOfUseUrl;

        var files = Build(parsed.Option("app-id")!.Trim(), parsed.Option("domain")!.Trim(), parsed.Option("version") ?? "1.0.0", teams);
        var errors = TeamsPackageValidator.Validate(files);
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await io.Error.WriteLineAsync($"bottriage teams-package: {error}").ConfigureAwait(false);
            }

            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bottriage teams-package: {errors.Count} problem(s); no package was written.")).ConfigureAwait(false);
            return 1;
        }

        var output = Path.GetFullPath(parsed.Option("out") ?? "bottriage-teams.zip");
        try
        {
            await WriteZipAsync(output, files, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await io.Error.WriteLineAsync($"bottriage teams-package: cannot write {output}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await io.Out.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {output}: manifest {TeamsPackageManifest.ManifestVersion}, bot {parsed.Option("app-id")!.Trim()} in personal scope, icons {TeamsPackageIcons.ColorSize}x{TeamsPackageIcons.ColorSize} and {TeamsPackageIcons.OutlineSize}x{TeamsPackageIcons.OutlineSize}.")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The package's files by name, as they go into the zip.</summary>
    public static IReadOnlyDictionary<string, byte[]> Build(string appId, string domain, string version, TeamsOptions teams)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [TeamsPackageManifest.ManifestFile] = JsonSerializer.SerializeToUtf8Bytes(TeamsPackageManifest.Create(appId, domain, version, teams), options),
            [TeamsPackageManifest.EnglishFile] = JsonSerializer.SerializeToUtf8Bytes(TeamsPackageManifest.CreateEnglish(teams), options),
            [TeamsPackageManifest.ColorIconFile] = TeamsPackageIcons.Color(TeamsOptionsValidator.IsHexColor(teams.AccentColor) ? teams.AccentColor : TeamsOptions.DefaultAccentColor),
            [TeamsPackageManifest.OutlineIconFile] = TeamsPackageIcons.Outline(),
        };
    }

    /// <summary>Reads the <c>Teams</c> section of a settings file such as appsettings.json into <paramref name="teams"/>.</summary>
    private static async Task<bool> ReadSettingsAsync(string path, TeamsOptions teams, ConsoleIo io, CancellationToken cancellationToken)
    {
        JsonNode? root;
        try
        {
            await using var stream = File.OpenRead(path);
            root = await JsonNode.ParseAsync(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            await io.Error.WriteLineAsync($"bottriage teams-package: cannot read settings {path}: {e.Message}").ConfigureAwait(false);
            return false;
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Flatten(root, "", values);
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(TeamsOptions.SectionName).Bind(teams);
        return true;
    }

    /// <summary>Turns JSON into configuration keys (<c>Teams:AllowedTenants:0</c>), as the JSON configuration provider does.</summary>
    private static void Flatten(JsonNode? node, string prefix, Dictionary<string, string?> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten(child, prefix.Length == 0 ? name : prefix + ":" + name, values);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten(array[i], prefix + ":" + i.ToString(CultureInfo.InvariantCulture), values);
                }

                break;
            case null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                break;
        }
    }

    /// <summary>Writes next to the target and moves it into place, so a failed run never leaves half a package.</summary>
    private static async Task WriteZipAsync(string output, IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(output) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
                foreach (var (name, bytes) in files)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    await using var entryStream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await entryStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temporary, output, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BotTriage.Bot.Teams;

namespace BotTriage.Cli.Commands;

/// <summary>
/// Checks a Teams app package against the rules of manifest schema 1.22 that decide whether Teams accepts it:
/// required fields, id and version formats, string lengths, accent colour, the bot's scopes, valid domains, the
/// icon files and their sizes (colour 192x192; outline 32x32, white on transparent) and the localization file.
/// Every problem is reported as <c>file: path: what is wrong</c>.
/// </summary>
internal static partial class TeamsPackageValidator
{
    private static readonly string[] RequiredFields = ["manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"];
    private static readonly string[] BotScopes = ["team", "personal", "groupChat", "copilot"];
    private static readonly string[] Permissions = ["identity", "messageTeamMembers"];

    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var errors = new List<string>();
        if (!files.TryGetValue(TeamsPackageManifest.ManifestFile, out var manifestBytes))
        {
            return ["manifest.json: missing from the package root"];
        }

        JsonObject manifest;
        try
        {
            manifest = JsonNode.Parse(manifestBytes)?.AsObject() ?? throw new JsonException("empty");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return [$"manifest.json: not a JSON object ({e.Message})"];
        }

        var check = new Checker("manifest.json", errors);
        foreach (var field in RequiredFields)
        {
            if (manifest[field] is null)
            {
                check.Fail(field, "is required");
            }
        }

        check.Equal(manifest, "manifestVersion", TeamsPackageManifest.ManifestVersion);
        check.Text(manifest, "version", 256, VersionPattern(), "a version of the form MAJOR.MINOR.PATCH such as 1.0.0");
        check.Text(manifest, "id", 36, GuidPattern(), "a GUID");
        check.Text(manifest["developer"], "developer.name", 32);
        foreach (var url in (string[])["websiteUrl", "privacyUrl", "termsOfUseUrl"])
        {
            check.HttpsUrl(manifest["developer"]?[url], "developer." + url);
        }

        check.Text(manifest["name"], "name.short", 30);
        check.Text(manifest["name"], "name.full", 100, required: false);
        check.Text(manifest["description"], "description.short", 80);
        check.Text(manifest["description"], "description.full", 4000);
        check.Text(manifest, "accentColor", 7, HexColorPattern(), "a colour of the form #RRGGBB");
        CheckBots(manifest, check);
        CheckPermissions(manifest, check);
        CheckDomains(manifest, check);
        CheckIcon(manifest, files, check, "color", TeamsPackageIcons.ColorSize, whiteOnTransparent: false);
        CheckIcon(manifest, files, check, "outline", TeamsPackageIcons.OutlineSize, whiteOnTransparent: true);
        CheckLocalization(manifest, files, check, errors);
        return errors;
    }

    private static void CheckBots(JsonObject manifest, Checker check)
    {
        if (manifest["bots"] is not JsonArray bots || bots.Count != 1)
        {
            check.Fail("bots", "must list exactly one bot (BotTriage)");
            return;
        }

        var bot = bots[0];
        check.Text(bot, "bots[0].botId", 64, GuidPattern(), "the bot's Microsoft App ID (a GUID)");
        if (bot?["scopes"] is not JsonArray scopes || scopes.Count == 0)
        {
            check.Fail("bots[0].scopes", "must list at least one scope");
            return;
        }

        var names = scopes.Select(s => s?.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : "").ToList();
        foreach (var name in names.Where(n => !BotScopes.Contains(n, StringComparer.Ordinal)))
        {
            check.Fail("bots[0].scopes", $"'{name}' is not one of {string.Join(", ", BotScopes)}");
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            check.Fail("bots[0].scopes", "lists a scope twice");
        }

        if (!names.SequenceEqual(["personal"]))
        {
            check.Fail("bots[0].scopes", "must be [\"personal\"]: a triage is a private conversation, never one in a team or group chat");
        }
    }

    private static void CheckPermissions(JsonObject manifest, Checker check)
    {
        if (manifest["permissions"] is not JsonArray permissions)
        {
            return;
        }

        foreach (var permission in permissions.Select(p => p?.ToString() ?? ""))
        {
            if (!Permissions.Contains(permission, StringComparer.Ordinal))
            {
                check.Fail("permissions", $"'{permission}' is not one of {string.Join(", ", Permissions)}");
            }
        }
    }

    private static void CheckDomains(JsonObject manifest, Checker check)
    {
        if (manifest["validDomains"] is not JsonArray domains || domains.Count == 0)
        {
            check.Fail("validDomains", "must list the bot's domain");
            return;
        }

        if (domains.Count > 16)
        {
            check.Fail("validDomains", $"lists {domains.Count} domains; at most 16 are allowed");
        }

        for (var i = 0; i < domains.Count; i++)
        {
            var domain = domains[i]?.GetValueKind() == JsonValueKind.String ? domains[i]!.GetValue<string>() : "";
            if (domain.Length > 2048 || !DomainPattern().IsMatch(domain))
            {
                check.Fail($"validDomains[{i}]", $"'{domain}' is not a host name such as bot.example.nl (no https://, no path)");
            }
        }
    }

    private static void CheckIcon(JsonObject manifest, IReadOnlyDictionary<string, byte[]> files, Checker check, string kind, int size, bool whiteOnTransparent)
    {
        var path = "icons." + kind;
        if (manifest["icons"]?[kind] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            check.Fail(path, "is required");
            return;
        }

        var file = value.GetValue<string>();
        if (!files.TryGetValue(file, out var png))
        {
            check.Fail(path, $"names '{file}', which is not in the package");
            return;
        }

        if (TeamsPackagePng.ReadHeader(png) is not { } header)
        {
            check.Fail(path, $"'{file}' is not a PNG image");
            return;
        }

        if (header.Width != size || header.Height != size)
        {
            check.Fail(path, string.Create(CultureInfo.InvariantCulture, $"'{file}' is {header.Width}x{header.Height}; Teams requires {size}x{size}"));
        }

        if (whiteOnTransparent)
        {
            var pixels = TeamsPackagePng.ReadRgba(png);
            if (pixels is null)
            {
                check.Fail(path, $"'{file}' must be an 8-bit RGBA PNG so its transparency can be checked");
            }
            else if (!IsWhiteOnTransparent(pixels))
            {
                check.Fail(path, $"'{file}' must be white on a transparent background");
            }
        }
    }

    private static bool IsWhiteOnTransparent(byte[] rgba)
    {
        var anyVisible = false;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i + 3] == 0)
            {
                continue;
            }

            anyVisible = true;
            if (rgba[i] != 255 || rgba[i + 1] != 255 || rgba[i + 2] != 255)
            {
                return false;
            }
        }

        return anyVisible;
    }

    private static void CheckLocalization(JsonObject manifest, IReadOnlyDictionary<string, byte[]> files, Checker check, List<string> errors)
    {
        if (manifest["localizationInfo"] is not JsonObject localization)
        {
            return;
        }

        check.Text(localization, "localizationInfo.defaultLanguageTag", 64, LanguageTagPattern(), "a language tag such as nl-NL");
        if (localization["additionalLanguages"] is not JsonArray languages)
        {
            return;
        }

        for (var i = 0; i < languages.Count; i++)
        {
            var at = $"localizationInfo.additionalLanguages[{i}]";
            check.Text(languages[i], at + ".languageTag", 64, LanguageTagPattern(), "a language tag such as en-US");
            var file = languages[i]?["file"]?.ToString() ?? "";
            if (!files.TryGetValue(file, out var bytes))
            {
                check.Fail(at + ".file", $"names '{file}', which is not in the package");
                continue;
            }

            JsonObject strings;
            try
            {
                strings = JsonNode.Parse(bytes)?.AsObject() ?? throw new JsonException("empty");
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors.Add($"{file}: not a JSON object ({e.Message})");
                continue;
            }

            var inFile = new Checker(file, errors);
            inFile.Text(strings, "name.short", 30, flat: true);
            inFile.Text(strings, "name.full", 100, required: false, flat: true);
            inFile.Text(strings, "description.short", 80, flat: true);
            inFile.Text(strings, "description.full", 4000, flat: true);
        }
    }

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColorPattern();

    [GeneratedRegex(@"^(\*\.)?([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}(:[0-9]{1,5})?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTagPattern();

    /// <summary>Collects <c>file: path: problem</c> lines.</summary>
    private sealed class Checker(string file, List<string> errors)
    {
        public void Fail(string path, string problem) => errors.Add($"{file}: {path}: {problem}");

        public void Equal(JsonObject node, string name, string expected)
        {
            if (node[name] is { } value && value.ToString() != expected)
            {
                Fail(name, $"is '{value}'; this package is for schema {expected}");
            }
        }

        /// <summary>A string at <paramref name="path"/> (its last segment the property of <paramref name="parent"/>, or the whole key when <paramref name="flat"/>).</summary>
        public void Text(JsonNode? parent, string path, int maxLength, Regex? pattern = null, string? patternMeaning = null, bool required = true, bool flat = false)
        {
            var name = flat ? path : path[(path.LastIndexOf('.') + 1)..];
            var node = parent is JsonObject obj ? obj[name] : null;
            if (node is null)
            {
                if (required)
                {
                    Fail(path, "is required");
                }

                return;
            }

            if (node.GetValueKind() != JsonValueKind.String)
            {
                Fail(path, "must be a string");
                return;
            }

            var text = node.GetValue<string>();
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Fail(path, "is required and may not be empty");
            }
            else if (text.Length > maxLength)
            {
                Fail(path, string.Create(CultureInfo.InvariantCulture, $"is {text.Length} characters; at most {maxLength} are allowed"));
            }
            else if (pattern is not null && !pattern.IsMatch(text))
            {
                Fail(path, $"'{text}' is not {patternMeaning}");
            }
        }

        public void HttpsUrl(JsonNode? node, string path)
        {
            var text = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
            if (string.IsNullOrWhiteSpace(text))
            {
                Fail(path, "is required (an https URL)");
            }
            else if (text.Length > 2048 || !TeamsOptionsValidator.IsHttpsUrl(text))
            {
                Fail(path, $"'{text}' is not an absolute https URL");
            }
        }
    }
}

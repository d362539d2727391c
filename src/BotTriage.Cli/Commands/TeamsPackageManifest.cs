using System.Text.Json.Nodes;
using BotTriage.Bot.Teams;

namespace BotTriage.Cli.Commands;

/// <summary>
/// The Teams app manifest (schema 1.22) for BotTriage: one bot, personal scope only, Dutch as the default language
/// with an English localization file, the two generated icons, and the bot's domain as the only valid domain.
/// </summary>
internal static class TeamsPackageManifest
{
    public const string ManifestVersion = "1.22";
    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.schema.json";
    public const string LocalizationSchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v1.22/MicrosoftTeams.Localization.schema.json";
    public const string ManifestFile = "manifest.json";
    public const string ColorIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";
    public const string EnglishFile = "en-US.json";

    public static JsonObject Create(string appId, string domain, string version, TeamsOptions teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = version,
            ["id"] = appId,
            ["developer"] = new JsonObject
            {
                ["name"] = teams.DeveloperName,
                ["websiteUrl"] = teams.WebsiteUrl,
                ["privacyUrl"] = teams.PrivacyUrl,
                ["termsOfUseUrl"] = teams.TermsOfUseUrl,
            },
            ["name"] = new JsonObject { ["short"] = teams.AppName, ["full"] = teams.FullName },
            ["description"] = new JsonObject { ["short"] = teams.ShortDescription, ["full"] = teams.FullDescription },
            ["icons"] = new JsonObject { ["color"] = ColorIconFile, ["outline"] = OutlineIconFile },
            ["accentColor"] = teams.AccentColor,
            ["bots"] = new JsonArray
            {
                new JsonObject
                {
                    ["botId"] = appId,
                    ["scopes"] = new JsonArray { "personal" },
                    ["supportsFiles"] = false,
                    ["isNotificationOnly"] = false,
                },
            },
            ["permissions"] = new JsonArray { "identity", "messageTeamMembers" },
            ["validDomains"] = new JsonArray { domain },
            ["localizationInfo"] = new JsonObject
            {
                ["defaultLanguageTag"] = "nl-NL",
                ["additionalLanguages"] = new JsonArray { new JsonObject { ["languageTag"] = "en-US", ["file"] = EnglishFile } },
            },
        };
    }

    /// <summary>The English strings; the full name stays the one name the app has.</summary>
    public static JsonObject CreateEnglish(TeamsOptions teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return new JsonObject
        {
            ["$schema"] = LocalizationSchemaUrl,
            ["name.short"] = teams.AppName,
            ["name.full"] = teams.FullName,
            ["description.short"] = teams.ShortDescriptionEnglish,
            ["description.full"] = teams.FullDescriptionEnglish,
        };
    }
}

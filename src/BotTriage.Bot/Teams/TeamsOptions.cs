namespace BotTriage.Bot.Teams;

/// <summary>
/// The <c>Teams</c> section: which Microsoft 365 tenants may use the bot in Teams, how the app presents itself in
/// the app package, and per tenant the workplace wellness variant (the employer's own partners per route).
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The default accent colour of the app package and the icons.</summary>
    public const string DefaultAccentColor = "#2E7D6B";

    /// <summary>
    /// Tenant ids (GUIDs) whose people may use the bot in Teams. Empty: every tenant may; set it for a workplace
    /// programme so a message from any other organisation is refused and nothing of it is stored.
    /// </summary>
    public IList<string> AllowedTenants { get; } = [];

    /// <summary>The app's short name in Teams (at most 30 characters).</summary>
    public string AppName { get; set; } = "BotTriage";

    /// <summary>The app's full name (at most 100 characters).</summary>
    public string FullName { get; set; } = "BotTriage: klachtenwijzer voor massage en manuele therapie";

    /// <summary>The Dutch short description (at most 80 characters).</summary>
    public string ShortDescription { get; set; } = "Vertel je klacht; de wegwijzer zegt waar je het beste terechtkunt.";

    /// <summary>The Dutch full description (at most 4000 characters).</summary>
    public string FullDescription { get; set; } =
        "Beschrijf je klacht in je eigen woorden. BotTriage vraagt waar, hoe lang en hoe erg, controleert de signalen " +
        "waarvoor je naar een arts moet en wijst je de weg: huisarts, fysiotherapeut, psycholoog of de massage die past. " +
        "Een verwijshulp, geen diagnose. Je werkgever ziet niets van je gesprek.";

    /// <summary>The English short description (at most 80 characters).</summary>
    public string ShortDescriptionEnglish { get; set; } = "Describe your complaint; the guide says where you are best helped.";

    /// <summary>The English full description (at most 4000 characters).</summary>
    public string FullDescriptionEnglish { get; set; } =
        "Describe your complaint in your own words. BotTriage asks where, how long and how bad, checks the signs that " +
        "need a doctor and points the way: GP, physiotherapist, psychologist or the massage that fits. A routing aid, " +
        "never a diagnosis. Your employer sees nothing of your conversation.";

    /// <summary>The app's accent colour, <c>#RRGGBB</c>; also the background of the colour icon.</summary>
    public string AccentColor { get; set; } = DefaultAccentColor;

    /// <summary>The practice as the app's developer (at most 32 characters).</summary>
    public string DeveloperName { get; set; } = "BotTriage";

    /// <summary>The practice's website, privacy statement and terms of use: https URLs the manifest requires.</summary>
    public string WebsiteUrl { get; set; } = "";

    public string PrivacyUrl { get; set; } = "";

    public string TermsOfUseUrl { get; set; } = "";

    /// <summary>The workplace wellness variant per tenant id.</summary>
    public IDictionary<string, WorkplaceOptions> Workplaces { get; } = new Dictionary<string, WorkplaceOptions>(StringComparer.OrdinalIgnoreCase);
}

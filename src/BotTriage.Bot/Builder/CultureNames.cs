namespace BotTriage.Bot.Builder;

/// <summary>The two conversation languages, and how a BCP-47 <c>locale</c> maps onto them (nl when unknown).</summary>
public static class CultureNames
{
    public const string Dutch = "nl";
    public const string English = "en";

    /// <summary><c>en*</c> is English, anything else (including <c>nl*</c> and no locale) is Dutch.</summary>
    public static string FromLocale(string? locale) =>
        locale is not null && locale.StartsWith(English, StringComparison.OrdinalIgnoreCase) ? English : Dutch;

    /// <summary>The culture to format in: nl-NL or en-US.</summary>
    public static System.Globalization.CultureInfo ToCultureInfo(string culture) =>
        System.Globalization.CultureInfo.GetCultureInfo(culture == English ? "en-US" : "nl-NL");
}

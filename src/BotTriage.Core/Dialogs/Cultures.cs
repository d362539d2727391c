using System.Globalization;

namespace BotTriage.Core.Dialogs;

/// <summary>The two languages BotTriage speaks, Dutch first.</summary>
public static class Cultures
{
    public const string Dutch = "nl";
    public const string English = "en";

    /// <summary>True for <c>en</c>, <c>en-US</c>, <c>en-GB</c>...</summary>
    public static bool IsEnglish(string? culture) =>
        culture is not null && (culture.Equals(English, StringComparison.OrdinalIgnoreCase) || culture.StartsWith("en-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Maps a channel's locale (BCP-47) to <c>nl</c> or <c>en</c>; Dutch when unknown or absent.</summary>
    public static string FromLocale(string? locale) => IsEnglish(locale) ? English : Dutch;

    /// <summary>The language BotTriage speaks besides <paramref name="culture"/>.</summary>
    public static string Other(string culture) => IsEnglish(culture) ? Dutch : English;

    /// <summary>The formatting culture for a conversation.</summary>
    public static CultureInfo Format(string culture) =>
        CultureInfo.GetCultureInfo(IsEnglish(culture) ? "en-US" : "nl-NL");
}

namespace BotTriage.Web.Chat;

/// <summary>What the page itself says, Dutch first and English second.</summary>
internal sealed record ChatPageText(string Lang, string Locale, string Title, string Notice, string Emergency, string Loading, string Failed, string Placeholder, string OtherLanguage, string OtherLanguageCode)
{
    public static ChatPageText Dutch { get; } = new(
        "nl",
        "nl-NL",
        "Waar kun je het best terecht?",
        "Je chat met een geautomatiseerde assistent, niet met een zorgverlener. Het advies helpt je de juiste plek te vinden en is geen diagnose.",
        "Bij spoed: bel 112. Denk je aan zelfdoding? Bel 113 of 0800-0113.",
        "De chat wordt geladen…",
        "De chat kon niet starten. Probeer het later opnieuw of bel de praktijk.",
        // Web Chat's own Dutch says "uw"; the bot says "je".
        "Typ je bericht",
        "English",
        "en");

    public static ChatPageText English { get; } = new(
        "en",
        "en-US",
        "Where should you go?",
        "You are chatting with an automated assistant, not a healthcare professional. The advice helps you find the right place and is not a diagnosis.",
        "In an emergency: call 112. Thinking about suicide? Call 113 or 0800-0113.",
        "Loading the chat…",
        "The chat could not start. Please try again later or call the practice.",
        "Type your message",
        "Nederlands",
        "nl");

    public static ChatPageText For(string? lang) => string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase) ? English : Dutch;
}

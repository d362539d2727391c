namespace BotTriage.Bench;

/// <summary>
/// The conversation bench/Load/triage.lua walks over HTTP, for the benchmarks that run in process: greeting,
/// emergency screen "no", consent, language, the neck, a duration under four weeks, pain and bother, "no" to every
/// red flag, no contraindications, PHQ-2/GAD-2 "not at all", "no" to the rest, the outcome. Conversation n is Dutch
/// when n is even, English when odd, with its location and duration picked by n as the Lua script picks them.
/// <see cref="Expect"/> holds, per message (greeting first), a text the reply must contain ("" for any).
/// </summary>
internal sealed record LoadConversation(string Culture, string Locale, string Greeting, string[] Messages, string[] Expect)
{
    private static readonly string[] NlLocations = ["nek", "mijn nek", "ik heb last van mijn nek"];
    private static readonly string[] EnLocations = ["neck", "my neck"];
    private static readonly string[] NlDurations = ["3 weken", "sinds 5 dagen", "2 weken"];
    private static readonly string[] EnDurations = ["3 weeks", "5 days", "2 weeks"];

    public static LoadConversation For(int n)
    {
        var dutch = n % 2 == 0;
        var locations = dutch ? NlLocations : EnLocations;
        var durations = dutch ? NlDurations : EnDurations;
        var (greeting, no, yes, language, pain, bother, never) = dutch
            ? ("hoi", "nee", "ja", "nederlands", "4", "een beetje", "helemaal niet")
            : ("hi", "no", "yes", "english", "4", "a little", "not at all");
        string[] messages =
        [
            no, yes, language, locations[n % locations.Length], durations[n / 7 % durations.Length], pain, bother,
            .. Enumerable.Repeat(no, 14), .. Enumerable.Repeat(never, 4), .. Enumerable.Repeat(no, 6),
        ];
        string[] expect = dutch
            ? ["pijn op de borst", "Mag ik je antwoorden bewaren", "In welke taal", "Waar heb je last van", "Hoe lang heb je er al last van", "Hoeveel pijn", "dagelijks leven", "plotseling kracht",
               .. Enumerable.Repeat("", 12), "Geldt een van deze", "weinig zin", .. Enumerable.Repeat("", 3), "bang dat bewegen", .. Enumerable.Repeat("", 5), "bottriage.outcome"]
            : ["chest pain", "May I keep your answers", "Which language", "Where is the complaint", "How long have you had it", "How much pain", "daily life", "suddenly lost strength",
               .. Enumerable.Repeat("", 12), "Does any of these apply", "little interest", .. Enumerable.Repeat("", 3), "afraid that moving", .. Enumerable.Repeat("", 5), "bottriage.outcome"];
        return new LoadConversation(dutch ? "nl" : "en", dutch ? "nl-NL" : "en-US", greeting, messages, expect);
    }
}

using BotTriage.Bot.Builder;

namespace BotTriage.Bot.Teams;

/// <summary>
/// What the bot says in Teams beyond the triage content. Messages sent before the person's language is known are
/// in Dutch first and English second; the others follow the conversation's language.
/// </summary>
public static class TeamsTexts
{
    /// <summary>To someone whose organisation is not in <c>Teams:AllowedTenants</c>.</summary>
    public const string TenantRefused =
        "Sorry, deze klachtenwijzer is alleen beschikbaar voor organisaties die met onze praktijk samenwerken. " +
        "Van dit gesprek is niets bewaard. Bij spoed: bel 112, of je huisarts.\n\n" +
        "Sorry, this guide is only available to organisations that work with our practice. " +
        "Nothing of this conversation was stored. In an emergency, call 112 or your GP.";

    /// <summary>In a group chat or a channel, where a triage would share health data with colleagues.</summary>
    public const string PersonalChatOnly =
        "Een klacht bespreek je liever niet in een groep. Open een persoonlijke chat met mij om te beginnen; " +
        "van dit groepsgesprek bewaar ik niets.\n\n" +
        "A complaint is best not discussed in a group. Open a personal chat with me to start; " +
        "I store nothing from this group conversation.";

    /// <summary>The label of the button that switches to the other language.</summary>
    public static string OtherLanguageChoice(string culture) => culture == CultureNames.English ? "Nederlands" : "English";

    /// <summary>The line added to the welcome in Teams: who can read the conversation, and who never can.</summary>
    public static string PrivacyNote(string culture, string? employerName)
    {
        var hasEmployer = !string.IsNullOrWhiteSpace(employerName);
        if (culture == CultureNames.English)
        {
            var employer = hasEmployer ? employerName : "your employer";
            return $"You are using this guide through your workplace. What you tell it is read only by the therapists of our practice, " +
                $"never by {employer} or anything {employer} operates. Type 'nederlands' to continue in Dutch.";
        }

        var werkgever = hasEmployer ? employerName : "je werkgever";
        return $"Je gebruikt deze wegwijzer via je werk. Wat je vertelt, lezen alleen de therapeuten van onze praktijk, " +
            $"nooit {werkgever} of iets dat {werkgever} beheert. Type 'english' to continue in English.";
    }

    public static string ChooseAnAnswer(string culture) => culture == CultureNames.English ? "Choose an answer:" : "Kies een antwoord:";

    public static string Book(string culture, string partner) => culture == CultureNames.English ? $"Book with {partner}" : $"Afspraak bij {partner}";

    public static string Call(string culture, string partner, string phone) => culture == CultureNames.English ? $"Call {partner}: {phone}" : $"Bel {partner}: {phone}";

    public static string ViaEmployer(string culture, string employerName) => culture == CultureNames.English
        ? $"Through the wellness programme of {employerName}:"
        : $"Via het vitaliteitsprogramma van {employerName}:";
}

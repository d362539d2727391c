using BotTriage.Bot.Builder;
using BotTriage.Bot.Cards;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Teams;

/// <summary>
/// The practice's result card (<see cref="TriageResultCards"/>), with a workplace's own partners added for the routes
/// they cover: their line (name and phone) and their booking button in place of the practice's. Partners appear only
/// when no doctor is needed, so with a red flag, an emergency or a GP urgency the card offers no booking at all; the
/// person's own words are never put on the card.
/// </summary>
public sealed class TeamsResultCard(TriageResultCards cards) : ITeamsResultCard
{
    public Attachment Create(TriageOutcome outcome, string culture, WorkplaceOptions? workplace)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return cards.CreateCard(outcome, culture, workplace is null ? null : Partners(outcome, culture, workplace));
    }

    private static CardPartners Partners(TriageOutcome outcome, string culture, WorkplaceOptions workplace)
    {
        var entries = new List<CardPartner>();
        foreach (var route in outcome.Routes)
        {
            if (!workplace.Routes.TryGetValue(route, out var partner))
            {
                continue;
            }

            var name = culture == CultureNames.English ? partner.NameEnglish : partner.NameDutch;
            var line = string.IsNullOrWhiteSpace(partner.Phone) ? name : TeamsTexts.Call(culture, name, partner.Phone);
            var url = Uri.TryCreate(partner.BookingUrl, UriKind.Absolute, out var parsed) ? parsed : null;
            entries.Add(new CardPartner(route, line, TeamsTexts.Book(culture, name), url));
        }

        return new CardPartners(TeamsTexts.ViaEmployer(culture, workplace.EmployerName), entries);
    }
}

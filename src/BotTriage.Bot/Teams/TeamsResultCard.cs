using System.Text.Json.Nodes;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Teams;

/// <summary>
/// The result card: the urgency first, the routes in order (medical first, as the outcome lists them), the reasons
/// in the content's words, and the reminder that this is a routing aid. A workplace's own partners appear with their
/// booking link and phone line only when nothing medical is urgent: red flags always win, so with a red flag, an
/// emergency or a GP urgency the card shows no booking at all. The person's own words are never put on the card.
/// </summary>
public sealed class TeamsResultCard : ITeamsResultCard
{
    public Attachment Create(TriageOutcome outcome, string culture, WorkplaceOptions? workplace)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var body = new JsonArray { CardJson.TextBlock(TeamsTexts.ResultTitle(culture), bold: true, size: "Medium") };
        if (TeamsTexts.Urgency(culture, outcome.Urgency) is { } urgency)
        {
            var line = CardJson.TextBlock(urgency, bold: true);
            line["color"] = "Attention";
            body.Add(line);
        }

        var facts = new JsonArray();
        foreach (var route in outcome.Routes)
        {
            facts.Add(new JsonObject { ["title"] = "•", ["value"] = TeamsTexts.Route(culture, route) });
        }

        if (facts.Count > 0)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        foreach (var reason in outcome.Reasons)
        {
            body.Add(CardJson.TextBlock(reason.Text, subtle: true));
        }

        var actions = new JsonArray();
        var partners = MayOfferBooking(outcome) && workplace is not null
            ? outcome.Routes.Where(workplace.Routes.ContainsKey).Select(r => workplace.Routes[r]).ToList()
            : [];
        if (partners.Count > 0)
        {
            body.Add(CardJson.TextBlock(TeamsTexts.ViaEmployer(culture, workplace!.EmployerName), bold: true));
            foreach (var partner in partners)
            {
                var name = culture == Builder.CultureNames.English ? partner.NameEnglish : partner.NameDutch;
                body.Add(CardJson.TextBlock(string.IsNullOrWhiteSpace(partner.Phone) ? name : TeamsTexts.Call(culture, name, partner.Phone)));
                if (!string.IsNullOrWhiteSpace(partner.BookingUrl))
                {
                    actions.Add(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = TeamsTexts.Book(culture, name), ["url"] = partner.BookingUrl });
                }
            }
        }

        body.Add(CardJson.TextBlock(TeamsTexts.NotADiagnosis(culture), subtle: true, size: "Small"));
        var card = CardJson.NewCard(body);
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = CardJson.AdaptiveCardContentType, Content = CardJson.ToElement(card) };
    }

    /// <summary>Booking a wellness partner is offered only when no doctor is needed soon.</summary>
    public static bool MayOfferBooking(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Emergency && outcome.RedFlags.IsEmpty && outcome.Urgency is "none" or "T4"
            && !outcome.Routes.Contains("emergency-112");
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotTriage.Bot.Schema;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Cards;

/// <summary>
/// The triage result for people to read: an Adaptive Card 1.5 (urgency, where to go, the massage that fits, why,
/// the signs to tell the GP about, the disclaimer, and a booking button per bookable route) for channels that show
/// cards, and a plain-text version with the booking links for those that do not. Red flags always win: a result that
/// needs a doctor offers no booking, and an emergency offers only the button to call 112.
/// </summary>
public sealed class TriageResultCards(IOptions<BookingOptions> booking, DialogSet dialogs)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardVersion = "1.5";

    /// <summary>
    /// The result reply as <paramref name="channelId"/> shows it. On card channels the card is the result and the
    /// text its one-line <see cref="Summary"/>, so the advice is not shown twice; emergency advice keeps its full text,
    /// whose phone numbers must be readable whatever the card shows. Elsewhere the text gets the booking links.
    /// </summary>
    public Activity Present(Activity reply, TriageOutcome outcome, string culture, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(outcome);
        if (CardChannels.ShowsCards(channelId))
        {
            var text = outcome.Emergency ? reply.Text : Summary(outcome, culture);
            return reply with { Text = text, Attachments = [.. reply.Attachments ?? [], CreateCard(outcome, culture)] };
        }

        var links = BookingLinks(outcome);
        return links.Count == 0 ? reply : reply with { Text = AppendLinks(reply.Text, links, culture) };
    }

    /// <summary>The routes of <paramref name="outcome"/> that can be booked, in the outcome's order, with their links.</summary>
    public IReadOnlyList<KeyValuePair<string, Uri>> BookingLinks(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!MayOfferBooking(outcome))
        {
            return [];
        }

        var links = new List<KeyValuePair<string, Uri>>();
        foreach (var route in outcome.Routes)
        {
            if (booking.Value.Routes.TryGetValue(route, out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                links.Add(new(route, uri));
            }
        }

        return links;
    }

    /// <summary>The card's title and urgency as one line, such as "Mijn advies: Geen huisarts nodig".</summary>
    public static string Summary(TriageOutcome outcome, string culture)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return ResultCardTexts.Get("title", culture) + ": " + ResultCardTexts.Urgency(outcome, culture);
    }

    /// <summary>Booking is offered only when no doctor is needed: red flags always win, so any of them, an emergency or a GP urgency means no booking at all.</summary>
    public static bool MayOfferBooking(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return !outcome.Emergency && string.Equals(outcome.Urgency, "none", StringComparison.Ordinal) && outcome.RedFlags.Count == 0;
    }

    /// <summary>
    /// The Adaptive Card attachment for <paramref name="outcome"/> in <paramref name="culture"/> (<c>nl</c> or <c>en</c>).
    /// <paramref name="partners"/>, for a workplace programme, adds its partners under their heading and books them
    /// instead of the practice for the routes they cover.
    /// </summary>
    public Attachment CreateCard(TriageOutcome outcome, string culture, CardPartners? partners = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var body = new JsonArray
        {
            TextBlock(ResultCardTexts.Get("title", culture), ("size", "Medium"), ("weight", "Bolder")),
            new JsonObject
            {
                ["type"] = "Container",
                ["style"] = UrgencyStyle(outcome),
                ["bleed"] = true,
                ["items"] = new JsonArray { TextBlock(ResultCardTexts.Urgency(outcome, culture), ("weight", "Bolder")) },
            },
        };

        var facts = new JsonArray
        {
            Fact(ResultCardTexts.Get("facts.routes", culture), string.Join(", ", outcome.Routes.Select(r => ResultCardTexts.Get("route." + r, culture)))),
        };
        if (outcome.MassageTypes.Count > 0)
        {
            facts.Add(Fact(ResultCardTexts.Get("facts.massage", culture), string.Join(", ", outcome.MassageTypes.Select(m => ResultCardTexts.Get("massage." + m, culture)))));
        }

        body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        if (outcome.Reasons.Count > 0)
        {
            body.Add(TextBlock(ResultCardTexts.Get("reasons", culture), ("weight", "Bolder"), ("spacing", "Medium")));
            foreach (var reason in outcome.Reasons)
            {
                // The reason's own sentence only: the person's words stay out of the card's markdown.
                body.Add(TextBlock("• " + reason.Text, ("spacing", "Small")));
            }
        }

        if (OutcomeText.TellGp(outcome, culture, dialogs.Texts) is { } tellGp)
        {
            body.Add(TextBlock(tellGp, ("weight", "Bolder"), ("spacing", "Medium")));
        }

        var offersPartners = partners is { Entries.Count: > 0 } && MayOfferBooking(outcome);
        if (offersPartners)
        {
            body.Add(TextBlock(partners!.Heading, ("weight", "Bolder"), ("spacing", "Medium")));
            foreach (var partner in partners.Entries)
            {
                body.Add(TextBlock(partner.Line, ("spacing", "Small")));
            }
        }

        body.Add(TextBlock(ResultCardTexts.Get("disclaimer", culture), ("isSubtle", true), ("size", "Small"), ("spacing", "Medium")));

        var actions = new JsonArray();
        if (outcome.Emergency || outcome.Urgency == "T0")
        {
            actions.Add(OpenUrl(ResultCardTexts.Get("call112", culture), "tel:112", "destructive"));
        }

        if (offersPartners)
        {
            foreach (var partner in partners!.Entries.Where(p => p.BookingUrl is not null))
            {
                actions.Add(OpenUrl(partner.BookingTitle, partner.BookingUrl!.AbsoluteUri, "positive"));
            }
        }

        foreach (var (route, url) in BookingLinks(outcome).Where(l => !offersPartners || !partners!.Entries.Any(p => p.Route == l.Key)))
        {
            actions.Add(OpenUrl(ResultCardTexts.Book(route, culture), url.AbsoluteUri, "positive"));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = CardVersion,
            ["lang"] = culture,
            ["speak"] = ResultCardTexts.Urgency(outcome, culture),
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        return new Attachment { ContentType = AdaptiveCardContentType, Content = JsonSerializer.SerializeToElement(card, JsonNodeContext.Default.JsonObject) };
    }

    /// <summary>The result as plain text for channels without cards: <paramref name="advice"/> followed by the booking links.</summary>
    public string CreatePlainText(TriageOutcome outcome, string culture, string? advice) =>
        AppendLinks(advice, BookingLinks(outcome), culture) ?? "";

    private static string? AppendLinks(string? text, IReadOnlyList<KeyValuePair<string, Uri>> links, string culture)
    {
        if (links.Count == 0)
        {
            return text;
        }

        var result = new StringBuilder(text);
        foreach (var (route, url) in links)
        {
            if (result.Length > 0)
            {
                result.Append('\n');
            }

            result.Append(ResultCardTexts.Book(route, culture)).Append(": ").Append(url.AbsoluteUri);
        }

        return result.ToString();
    }

    private static string UrgencyStyle(TriageOutcome outcome) => outcome.Urgency switch
    {
        "T0" or "T1" => "attention",
        "T2" or "T3" or "T4" => "warning",
        _ => outcome.Emergency ? "attention" : "good",
    };

    private static JsonObject TextBlock(string text, params (string Name, JsonNode? Value)[] properties)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        foreach (var (name, value) in properties)
        {
            block[name] = value;
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    private static JsonObject OpenUrl(string title, string url, string style) =>
        new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url, ["style"] = style };
}

using BotTriage.Bot.Cards;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Tests.Fakes;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Cards;

public sealed class TriageResultCardsTests
{
    private static readonly TriageOutcome Physio = new() { Routes = ["physio", "massage"], MassageTypes = ["deep-tissue"], Completed = true };

    private readonly TriageResultCards _cards = Cards();

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("msteams")]
    public void ShowsTheCardWithAOneLineSummaryOnCardChannels(string channelId)
    {
        var reply = _cards.Present(Activity.CreateMessageActivity("Mijn advies: ... de hele uitleg ..."), Physio, "nl", channelId);

        Assert.Equal("Mijn advies: Geen huisarts nodig", reply.Text);
        var card = Assert.Single(reply.Attachments!);
        Assert.Equal(TriageResultCards.AdaptiveCardContentType, card.ContentType);
        Assert.Contains("deep tissue massage", card.Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheFullEmergencyAdviceNextToTheCard()
    {
        var emergency = new TriageOutcome { Urgency = "T0", Routes = ["emergency-112"], Emergency = true };
        const string advice = "Bel nu 112. Denk je aan zelfdoding? Bel 113 of 0800-0113.";

        var reply = _cards.Present(Activity.CreateMessageActivity(advice), emergency, "nl", "webchat");

        Assert.Equal(advice, reply.Text);
        var card = Assert.Single(reply.Attachments!).Content!.Value.GetRawText();
        Assert.Contains("tel:112", card, StringComparison.Ordinal);
        Assert.DoesNotContain("praktijk.example", card, StringComparison.Ordinal);
    }

    [Fact]
    public void AddsTheBookingLinksToTheTextOnChannelsWithoutCards()
    {
        var reply = _cards.Present(Activity.CreateMessageActivity("Advies."), Physio, "en", "sms");

        Assert.Null(reply.Attachments);
        Assert.Equal("Advies.\nBook: physiotherapist: https://praktijk.example/physio\nBook a massage: https://praktijk.example/massage", reply.Text);
    }

    [Theory]
    [InlineData("T4", "")]
    [InlineData("none", "night-pain")]
    public void OffersNoBookingWhenADoctorIsNeeded(string urgency, string redFlag)
    {
        var outcome = Physio with { Urgency = urgency, Routes = ["gp", "physio"], RedFlags = redFlag == "" ? [] : [redFlag] };

        Assert.Empty(_cards.BookingLinks(outcome));
        Assert.DoesNotContain("praktijk.example", _cards.CreateCard(outcome, "nl").Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Vertel de huisarts wat je noemde: onverklaard gewichtsverlies, pijn 's nachts en koorts of je erg ziek voelen.")]
    [InlineData("en", "Tell your GP what you mentioned: unexplained weight loss, pain at night and fever or feeling very ill.")]
    public void NamesEverySignForTheGpWhateverReasonIsShown(string culture, string line)
    {
        // Only the most urgent tier's reason is on the card; the line still names all three signs.
        var outcome = new TriageOutcome
        {
            Urgency = "T2",
            Routes = ["gp"],
            RedFlags = ["weight-loss", "night-pain", "fever"],
            Reasons = [new OutcomeReason("fever", "Koorts bij rugpijn.")],
            Completed = true,
        };

        var card = CardText(_cards.CreateCard(outcome, culture));

        Assert.Contains(line, card, StringComparison.Ordinal);
        Assert.DoesNotContain("huisarts wat je noemde", CardText(_cards.CreateCard(outcome with { RedFlags = [] }, culture)), StringComparison.Ordinal);
        Assert.DoesNotContain("GP what you mentioned", CardText(_cards.CreateCard(outcome with { Routes = ["emergency-112"], Urgency = "T0", Emergency = true }, culture)), StringComparison.Ordinal);
    }

    [Fact]
    public void LetsAPartnerBookItsRouteInsteadOfThePractice()
    {
        var partners = new CardPartners("Via je werk:", [new CardPartner("physio", "FysioPartner: 030 123 4567", "Afspraak bij FysioPartner", new Uri("https://fysio.example/werk"))]);

        var card = _cards.CreateCard(Physio, "nl", partners).Content!.Value.GetRawText();

        Assert.Contains("FysioPartner: 030 123 4567", card, StringComparison.Ordinal);
        Assert.Contains("https://fysio.example/werk", card, StringComparison.Ordinal);
        Assert.DoesNotContain("praktijk.example/physio", card, StringComparison.Ordinal);
        Assert.Contains("praktijk.example/massage", card, StringComparison.Ordinal);
    }

    private static string CardText(Attachment card) =>
        string.Join("\n", card.Content!.Value.GetProperty("body").EnumerateArray()
            .Where(e => e.TryGetProperty("text", out _)).Select(e => e.GetProperty("text").GetString()));

    private static TriageResultCards Cards()
    {
        var booking = new BookingOptions();
        booking.Routes["physio"] = "https://praktijk.example/physio";
        booking.Routes["massage"] = "https://praktijk.example/massage";
        return new TriageResultCards(Options.Create(booking), ShippedDialogs.Value);
    }
}

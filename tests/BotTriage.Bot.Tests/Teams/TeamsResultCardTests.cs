using BotTriage.Bot.Cards;
using BotTriage.Bot.Teams;
using BotTriage.Bot.Tests.Fakes;
using Microsoft.Extensions.Options;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Tests.Teams;

public sealed class TeamsResultCardTests
{
    private static readonly WorkplaceOptions Contoso = CreateWorkplace();

    [Fact]
    public void OffersTheWorkplacePartnerWhenNoDoctorIsNeeded()
    {
        var outcome = new TriageOutcome { Routes = ["physio"], Completed = true };

        var card = Card().Create(outcome, "en", Contoso).Content!.Value.GetRawText();

        Assert.Contains("\"version\":\"1.5\"", card, StringComparison.Ordinal);
        Assert.Contains("Through the wellness programme of Contoso:", card, StringComparison.Ordinal);
        Assert.Contains("https://physio.example/contoso", card, StringComparison.Ordinal);
        Assert.Contains("not a diagnosis", card, StringComparison.Ordinal);
        Assert.DoesNotContain("praktijk.example/physio", card, StringComparison.Ordinal);
        Assert.Contains("praktijk.example/massage", Card().Create(outcome with { Routes = ["physio", "massage"] }, "en", Contoso).Content!.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T2", "", false)]
    [InlineData("none", "fever", false)]
    [InlineData("T0", "", true)]
    public void LetsRedFlagsWinOverAnyBooking(string urgency, string redFlag, bool emergency)
    {
        var outcome = new TriageOutcome
        {
            Urgency = urgency,
            Routes = ["gp", "physio"],
            RedFlags = redFlag == "" ? [] : [redFlag],
            Emergency = emergency,
        };

        var card = Card().Create(outcome, "nl", Contoso).Content!.Value.GetRawText();

        Assert.False(TriageResultCards.MayOfferBooking(outcome));
        Assert.DoesNotContain("physio.example", card, StringComparison.Ordinal);
        Assert.Contains("huisarts", card, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesEverySignForTheGpNextToTheMostUrgentReason()
    {
        var outcome = new TriageOutcome
        {
            Urgency = "T3",
            Routes = ["gp"],
            RedFlags = ["minor-trauma", "osteoporosis"],
            Reasons = [new OutcomeReason("fracture-risk", "Een val bij broze botten.")],
            Completed = true,
        };

        var card = Card().Create(outcome, "nl", Contoso).Content!.Value.GetRawText();

        Assert.Contains("Vertel de huisarts wat je noemde: een val, verstapping of verkeerd tillen en botontkalking.", card, StringComparison.Ordinal);
        Assert.Contains("Een val bij broze botten.", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Overleg eerst met je arts", "Geen huisarts nodig")]
    [InlineData("en", "Check with your doctor first", "No GP needed first")]
    public void SaysToCheckWithTheDoctorFirstInsteadOfNoGpNeeded(string culture, string doctorFirst, string noGp)
    {
        var outcome = new TriageOutcome { Routes = ["massage"], MassageTypes = ["relaxation"], Contraindications = ["heart-condition"], DoctorFirst = true, Completed = true };

        var card = Card().Create(outcome, culture, null).Content!.Value.GetRawText();

        Assert.Contains(doctorFirst, card, StringComparison.Ordinal);
        Assert.DoesNotContain(noGp, card, StringComparison.Ordinal);
        Assert.EndsWith(doctorFirst, TriageResultCards.Summary(outcome, culture), StringComparison.Ordinal);
        Assert.EndsWith(noGp, TriageResultCards.Summary(outcome with { DoctorFirst = false }, culture), StringComparison.Ordinal);
    }

    [Fact]
    public void NeverPutsThePersonsOwnWordsOnTheCard()
    {
        var outcome = new TriageOutcome
        {
            Routes = ["massage"],
            Reasons = [new OutcomeReason("tension", "Spanning zonder alarmsignalen.") { Evidence = ["mijn schouders zitten muurvast"] }],
        };

        var card = Card().Create(outcome, "nl", null).Content!.Value.GetRawText();

        Assert.Contains("Spanning zonder alarmsignalen.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("muurvast", card, StringComparison.Ordinal);
    }

    // The practice books physio and massage itself; the workplace's partner takes physio over.
    private static TeamsResultCard Card()
    {
        var booking = new BookingOptions();
        booking.Routes["physio"] = "https://praktijk.example/physio";
        booking.Routes["massage"] = "https://praktijk.example/massage";
        return new TeamsResultCard(new TriageResultCards(Options.Create(booking), ShippedDialogs.Value));
    }

    private static WorkplaceOptions CreateWorkplace()
    {
        var workplace = new WorkplaceOptions { EmployerName = "Contoso" };
        workplace.Routes["physio"] = new WorkplaceRouteOptions { NameDutch = "FysioPartner", NameEnglish = "PhysioPartner", BookingUrl = "https://physio.example/contoso" };
        return workplace;
    }
}

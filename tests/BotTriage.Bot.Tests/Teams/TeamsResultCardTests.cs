using BotTriage.Bot.Teams;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Tests.Teams;

public sealed class TeamsResultCardTests
{
    private static readonly WorkplaceOptions Contoso = CreateWorkplace();

    [Fact]
    public void OffersTheWorkplacePartnerWhenNoDoctorIsNeeded()
    {
        var outcome = new TriageOutcome { Routes = ["physio"], Completed = true };

        var card = new TeamsResultCard().Create(outcome, "en", Contoso).Content!.Value.GetRawText();

        Assert.Contains("\"version\":\"1.5\"", card, StringComparison.Ordinal);
        Assert.Contains("Through the wellness programme of Contoso:", card, StringComparison.Ordinal);
        Assert.Contains("https://physio.example/contoso", card, StringComparison.Ordinal);
        Assert.Contains("This is a routing aid, not a diagnosis.", card, StringComparison.Ordinal);
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

        var card = new TeamsResultCard().Create(outcome, "nl", Contoso).Content!.Value.GetRawText();

        Assert.False(TeamsResultCard.MayOfferBooking(outcome));
        Assert.DoesNotContain("physio.example", card, StringComparison.Ordinal);
        Assert.Contains("Huisarts", card, StringComparison.Ordinal);
    }

    [Fact]
    public void NeverPutsThePersonsOwnWordsOnTheCard()
    {
        var outcome = new TriageOutcome
        {
            Routes = ["massage"],
            Reasons = [new OutcomeReason("tension", "Spanning zonder alarmsignalen.") { Evidence = ["mijn schouders zitten muurvast"] }],
        };

        var card = new TeamsResultCard().Create(outcome, "nl", null).Content!.Value.GetRawText();

        Assert.Contains("Spanning zonder alarmsignalen.", card, StringComparison.Ordinal);
        Assert.DoesNotContain("muurvast", card, StringComparison.Ordinal);
    }

    private static WorkplaceOptions CreateWorkplace()
    {
        var workplace = new WorkplaceOptions { EmployerName = "Contoso" };
        workplace.Routes["physio"] = new WorkplaceRouteOptions { NameDutch = "FysioPartner", NameEnglish = "PhysioPartner", BookingUrl = "https://physio.example/contoso" };
        return workplace;
    }
}

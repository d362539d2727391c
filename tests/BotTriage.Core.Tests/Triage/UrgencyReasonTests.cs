using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// A result gives one time frame: the reasons of a less urgent tier than the result's are left out, and every sign the
/// person told is still named for the GP.
/// </summary>
public sealed class UrgencyReasonTests
{
    private static readonly DialogSet Dialogs = RoutedAnswers.Dialogs;

    [Fact]
    public void CancerWithBackPainTodayLeavesOutTheReasonsForWithinDaysButNamesEverySign()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", 3, ("cancer-history", "ja"), ("rf-weight-loss", "ja"), ("rf-night-pain", "ja"));

        Assert.Equal("T2", outcome.Urgency);
        Assert.Equal(["cancer-and-back-pain"], outcome.Reasons.Select(r => r.Rule));
        var text = OutcomeText.Format(outcome, "nl", Dialogs.Texts);
        Assert.DoesNotContain("binnen een paar dagen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("binnen een dag", text, StringComparison.Ordinal);
        Assert.Contains("Vertel de huisarts wat je noemde: onverklaard gewichtsverlies, pijn 's nachts en kanker (nu of vroeger).", text, StringComparison.Ordinal);
    }

    // The pelvis holds the sacrum and the SI joints: pain there after cancer is for the GP today as back pain is.
    [Fact]
    public void CancerWithPainInThePelvisIsForTheGpToday()
    {
        var outcome = RoutedAnswers.Route("en", "pelvis", 3, ("cancer-history", "yes, 4 years ago"));

        Assert.Equal("T2", outcome.Urgency);
        Assert.Contains("cancer-and-back-pain", outcome.Reasons.Select(r => r.Rule));
    }

    [Theory]
    [InlineData(new[] { "head", "neck" }, "T1")]
    [InlineData(new[] { "neck" }, "T2")]
    [InlineData(new[] { "head" }, "T2")]
    public void FeverWithAHeadacheAndASoreNeckIsForTheGpNow(string[] places, string urgency)
    {
        var outcome = RoutedAnswers.Route("nl", places, 0, ("rf-fever", "39,5 koorts"));

        Assert.Equal(urgency, outcome.Urgency);
        Assert.Equal(urgency == "T1", outcome.Reasons.Any(r => r.Rule == "fever-head-and-neck"));
        Assert.Contains("huisartsenpost", OutcomeText.Format(outcome, "nl", Dialogs.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public void OneSignWithinDaysKeepsItsReason()
    {
        var outcome = RoutedAnswers.Route("en", "lower-back", 3, ("rf-night-pain", "yes"));

        Assert.Equal("T4", outcome.Urgency);
        Assert.Equal(["night-pain-sign"], outcome.Reasons.Select(r => r.Rule));
        Assert.Contains("Tell your GP what you mentioned: pain at night.", OutcomeText.Format(outcome, "en", Dialogs.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public void AResultWithoutTheGpNamesNoSigns()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", 3);

        Assert.Equal("none", outcome.Urgency);
        Assert.DoesNotContain("Vertel de huisarts", OutcomeText.Format(outcome, "nl", Dialogs.Texts), StringComparison.Ordinal);
    }
}

using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// What the result says when a contraindication leaves only a gentle massage: no reason for the firm massage it ruled
/// out, and with pregnancy, heart problems or cancer treatment, "check with your doctor first" instead of "no GP
/// needed first".
/// </summary>
public sealed class ContraindicationReasonTests
{
    private static readonly DialogSet Dialogs = RoutedAnswers.Dialogs;

    [Fact]
    public void PregnancyWithBackTensionGivesARelaxationMassageAfterCheckingWithTheDoctor()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", weeks: 3, ("ci-pregnancy", "ik ben 20 weken zwanger"));

        Assert.Equal("none", outcome.Urgency);
        Assert.Equal(["relaxation"], outcome.MassageTypes);
        Assert.True(outcome.DoctorFirst);
        Assert.Equal(["gentle-only", "ask-midwife-first", "recent"], outcome.Reasons.Select(r => r.Rule));
        var text = OutcomeText.Format(outcome, "nl", Dialogs.Texts);
        Assert.Contains("overleg eerst met je verloskundige of arts voordat je een massage boekt", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Je hoeft hiervoor niet eerst naar de huisarts", text, StringComparison.Ordinal);
        Assert.DoesNotContain("deep tissue", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BloodThinnersLeaveTheNoGpLineAndDropTheDeepTissueReason()
    {
        var outcome = RoutedAnswers.Route("en", "neck", weeks: 3, ("ci-blood-thinners", "yes, I take blood thinners"));

        Assert.Equal(["relaxation"], outcome.MassageTypes);
        Assert.False(outcome.DoctorFirst);
        Assert.DoesNotContain("tension", outcome.Reasons.Select(r => r.Rule));
        Assert.Contains("gentle-only", outcome.Reasons.Select(r => r.Rule));
        Assert.StartsWith("My advice:" + Environment.NewLine + "You do not need to see a GP first.", OutcomeText.Format(outcome, "en", Dialogs.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public void CancerTreatmentWithBackPainSendsToTheGpWithoutTalkOfBookingAMassage()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", weeks: 3, ("ci-cancer-treatment", "ja, chemo"), ("cancer-history", "ja"));

        Assert.Equal("T2", outcome.Urgency);
        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.False(outcome.DoctorFirst);
        Assert.DoesNotContain("ask-doctor-first", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("oncology", outcome.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void CancerTreatmentWithCalfStiffnessKeepsTheOncologyMassageAndItsReason()
    {
        var outcome = RoutedAnswers.Route("en", "calf", weeks: 2, ("ci-cancer-treatment", "yes"));

        Assert.Equal("none", outcome.Urgency);
        Assert.Equal(["oncology"], outcome.MassageTypes);
        Assert.True(outcome.DoctorFirst);
        Assert.Contains("oncology", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("runners-legs", outcome.Reasons.Select(r => r.Rule));
        var text = OutcomeText.Format(outcome, "en", Dialogs.Texts);
        Assert.Contains("check with your doctor before you book a massage", text, StringComparison.Ordinal);
        Assert.DoesNotContain("check with your midwife or doctor", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOperationInThePastSixWeeksAsksToCheckWithTheDoctorBeforeAMassage()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", weeks: 3, ("ci-surgery", "3 weken geleden geopereerd aan mijn rug"));

        Assert.Contains("recent-surgery", outcome.Contraindications);
        Assert.True(outcome.DoctorFirst);
        Assert.Contains("after-surgery", outcome.Reasons.Select(r => r.Rule));
        Assert.All(outcome.Reasons.Where(r => r.Rule is "after-surgery" or "gentle-only"), r => Assert.Equal(["3 weken geleden geopereerd aan mijn rug"], r.Evidence));
        Assert.DoesNotContain("ask-doctor-first", outcome.Reasons.Select(r => r.Rule));
        Assert.Contains("physio", outcome.Routes);
        Assert.DoesNotContain("deep-tissue", outcome.MassageTypes);
        var text = OutcomeText.Format(outcome, "nl", Dialogs.Texts);
        Assert.DoesNotContain("verloskundige", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zwangerschap", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl", "Voor een psycholoog ga je eerst naar je huisarts of de praktijkondersteuner GGZ.")]
    [InlineData("en", "For a psychologist, see your GP or the practice's mental-health nurse first.")]
    public void APsychologistRouteSaysItGoesThroughTheGpInsteadOfNoGpNeeded(string culture, string line)
    {
        var outcome = new TriageOutcome { Urgency = "none", Routes = ["psychologist", "massage"], MassageTypes = ["relaxation"], Completed = true };

        var text = OutcomeText.Format(outcome, culture, Dialogs.Texts);

        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.DoesNotContain(culture == "en" ? "You do not need to see a GP first" : "Je hoeft hiervoor niet eerst naar de huisarts", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASwollenCalfAfterARaceGivesOneReasonAndNoAdviceAboutMassage()
    {
        var outcome = RoutedAnswers.Route("nl", "calf", weeks: 0, ("rf-calf-thrombosis", "mijn kuit is dik en rood"), ("race", "de marathon van zondag"));

        Assert.Equal("T2", outcome.Urgency);
        Assert.Equal(["gp"], outcome.Routes);
        Assert.Equal(["calf-signs"], outcome.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void AThrombosisToldAtTheContraindicationQuestionStillSendsToTheGpToday()
    {
        var outcome = RoutedAnswers.Route("en", "calf", weeks: 1, ("ci-thrombosis", "yes"), ("race", "yes"));

        Assert.Equal("T2", outcome.Urgency);
        Assert.Equal(["thrombosis-signs"], outcome.Reasons.Select(r => r.Rule));
    }

    [Theory]
    [InlineData(0, new[] { "relaxation" })]
    [InlineData(1, new[] { "relaxation" })]
    [InlineData(3, new[] { "relaxation" })]
    [InlineData(8, new[] { "deep-tissue" })]
    public void AStrainOfTheLastTwoWeeksGetsNoDeepWork(int weeks, string[] massage)
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", weeks, ("trauma-minor", "iets verkeerd getild"));

        Assert.Equal("none", outcome.Urgency);
        Assert.Equal(massage, outcome.MassageTypes);
        Assert.Equal(weeks < 2, outcome.Reasons.Any(r => r.Rule == "fresh-strain"));
    }

    [Theory]
    [InlineData("knee", 0, "trauma-minor", "kreeg een trap tegen mijn knie", true)]
    [InlineData("ankle-foot", 1, "trauma-minor", "enkel verzwikt", true)]
    [InlineData("knee", 0, "ci-injury", "ja, verse blessure", true)]
    [InlineData("knee", 3, "trauma-minor", "kreeg een trap tegen mijn knie", false)]
    [InlineData("lower-back", 0, "trauma-minor", "iets verkeerd getild", false)]
    public void AJointHurtInThePastTwoWeeksIsForAPhysiotherapist(string place, int weeks, string question, string words, bool physio)
    {
        var outcome = RoutedAnswers.Route("nl", place, weeks, (question, words));

        Assert.Equal("none", outcome.Urgency);
        Assert.Equal(physio, outcome.Routes.Contains("physio"));
        Assert.Equal(physio, outcome.Reasons.Any(r => r.Rule == "fresh-joint-injury"));
        Assert.DoesNotContain("deep-tissue", outcome.MassageTypes);
    }

    [Theory]
    [InlineData("nl", "knee", "nee, ik kan niet lopen", "T3")]
    [InlineData("nl", "ankle-foot", "ja", "T3")]
    [InlineData("nl", "knee", "nee hoor, lopen gaat wel", "none")]
    [InlineData("en", "ankle-foot", "no, I can walk fine", "none")]
    [InlineData("en", "knee", "I can barely stand", "T3")]
    [InlineData("en", "knee", "no, I can't walk", "T3")]
    [InlineData("en", "ankle-foot", "barely", "T3")]
    [InlineData("en", "ankle-foot", "not really, i hop", "T3")]
    [InlineData("en", "knee", "i can barely put any weight on it", "T3")]
    [InlineData("nl", "ankle-foot", "nee, dat lukt niet", "T3")]
    [InlineData("nl", "ankle-foot", "amper", "T3")]
    [InlineData("nl", "ankle-foot", "nee, kan ik niet", "T3")]
    [InlineData("en", "ankle-foot", "no, I can't", "T3")]
    [InlineData("nl", "ankle-foot", "nee, met moeite lukt het wel", "none")]
    [InlineData("nl", "knee", "het gaat moeizaam maar ik kan wel een paar stappen", "none")]
    public void AfterAFallOrATwistOfALegWhetherItBearsWeightIsAsked(string culture, string place, string words, string urgency)
    {
        var english = culture == "en";
        var chat = Conversation.Start(culture).SendAll(english ? "no" : "nee", english ? "yes" : "ja", english ? "english" : "nederlands",
            place == "knee" ? (english ? "knee" : "knie") : (english ? "ankle" : "enkel"), english ? "2 days" : "2 dagen", "5", english ? "a lot" : "veel");
        chat.AnswerPlainlyUntil(s => s.Step == "trauma-minor");
        chat.Send(english ? "yes" : "ja");
        chat.AnswerPlainlyUntil(s => s.Step == "rf-bear-weight");

        chat.Send(words);
        chat.AnswerPlainlyUntil(_ => false);

        var outcome = chat.State.Outcome!;
        Assert.Equal(urgency, outcome.Urgency);
        Assert.Equal(urgency == "T3", outcome.Reasons.Any(r => r.Rule == "weight-bearing"));
        Assert.Equal(urgency != "T3", outcome.Routes.Contains("physio"));
        // Not standing on it after a fall is no leg losing its strength ("can't walk" is the first, not the second).
        Assert.DoesNotContain("leg-weakness", outcome.RedFlags);
    }

    [Fact]
    public void WhetherItBearsWeightIsNotAskedWithoutAFallOrOfTheBack()
    {
        var knee = Conversation.Start().SendAll("nee", "ja", "nederlands", "knie", "3 dagen", "4", "een beetje");
        var back = Conversation.Start().SendAll("nee", "ja", "nederlands", "onderrug", "3 dagen", "4", "een beetje");

        var kneeAsked = knee.AnswerPlainlyUntil(_ => false);
        back.AnswerPlainlyUntil(s => s.Step == "trauma-minor");
        back.Send("ja");
        var backAsked = back.AnswerPlainlyUntil(_ => false);

        Assert.DoesNotContain("rf-bear-weight", kneeAsked);
        Assert.DoesNotContain("rf-bear-weight", backAsked);
    }

    [Theory]
    [InlineData("neck", 3, "relaxation", "tension-recent")]
    [InlineData("lower-back", 5, "relaxation", "tension-recent")]
    [InlineData("neck", 6, "deep-tissue", "tension")]
    [InlineData("upper-back", 26, "deep-tissue", "tension")]
    public void DeepTissueIsForTensionThatHasSettledInAndARecentComplaintGetsAGentleMassage(string place, int weeks, string massage, string rule)
    {
        var outcome = RoutedAnswers.Route("nl", place, weeks);

        Assert.Equal([massage], outcome.MassageTypes);
        Assert.Contains(rule, outcome.Reasons.Select(r => r.Rule));
    }
}

using System.Collections.Immutable;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Tests.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// Each reason names only what applies to the person, says a thing once, and never advises what the result rules out:
/// the therapist and the GP read these lines as what the person told.
/// </summary>
public sealed class ReasonWordingTests
{
    private static readonly DialogSet Dialogs = RoutedAnswers.Dialogs;

    private static string Text(TriageOutcome outcome, string culture) => OutcomeText.Format(outcome, culture, Dialogs.Texts);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Theory]
    [InlineData("en", "yes, I had a heart attack last year", "cancer")]
    [InlineData("nl", "ik heb hartfalen", "kanker")]
    public void HeartProblemsAloneNameNoCancer(string culture, string words, string cancer)
    {
        var outcome = RoutedAnswers.Route(culture, "shoulder", 20, ("ci-heart", words));

        Assert.True(outcome.DoctorFirst);
        Assert.Contains("ask-doctor-first", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain(cancer, Text(outcome, culture), StringComparison.OrdinalIgnoreCase);
    }

    // The oncology rule asks for the treating doctor's agreement: no second line about checking with a doctor.
    [Fact]
    public void CancerTreatmentAsksForTheDoctorOnceThroughTheOncologyReason()
    {
        var outcome = RoutedAnswers.Route("en", "calf", 3, ("ci-cancer-treatment", "yes, chemo"));

        Assert.True(outcome.DoctorFirst);
        Assert.Contains("oncology", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("ask-doctor-first", outcome.Reasons.Select(r => r.Rule));
    }

    // The first line says to check with the midwife or doctor; the reason says why, not the same sentence again.
    [Theory]
    [InlineData("en", "ci-pregnancy", "yes, I am 20 weeks pregnant", "check with your midwife or doctor before you book a massage")]
    [InlineData("nl", "ci-pregnancy", "ja, 20 weken zwanger", "overleg eerst met je verloskundige of arts voordat je een massage boekt")]
    [InlineData("en", "ci-heart", "yes, heart failure", "check with your doctor before you book a massage")]
    [InlineData("en", "ci-surgery", "yes, an operation 3 weeks ago", "check with your doctor before you book a massage")]
    [InlineData("nl", "ci-surgery", "ja, 3 weken geleden geopereerd", "overleg eerst met je arts voordat je een massage boekt")]
    public void CheckingWithADoctorFirstIsSaidOnce(string culture, string question, string words, string checkFirst)
    {
        var outcome = RoutedAnswers.Route(culture, "lower-back", 3, (question, words));

        Assert.True(outcome.DoctorFirst);
        Assert.Equal(1, Count(Text(outcome, culture).ToLowerInvariant(), checkFirst));
    }

    [Theory]
    [InlineData("rf-night-pain", "night-pain-sign", "night", "weight")]
    [InlineData("rf-weight-loss", "weight-loss-sign", "weight", "night")]
    [InlineData("rf-no-improvement", "no-improvement-sign", "not got better", "many places")]
    [InlineData("rf-widespread-pain", "widespread-pain-sign", "many places", "weight")]
    public void OneSignWithinDaysIsNamedAlone(string question, string rule, string named, string notNamed)
    {
        var outcome = RoutedAnswers.Route("en", "lower-back", 3, (question, "yes"));

        Assert.Equal("T4", outcome.Urgency);
        var reason = Assert.Single(outcome.Reasons);
        Assert.Equal(rule, reason.Rule);
        Assert.Contains(named, reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(notNamed, reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoSignsWithinDaysWeighMoreThanEither()
    {
        var outcome = RoutedAnswers.Route("nl", "lower-back", 3, ("rf-night-pain", "ja"), ("rf-weight-loss", "ja, 6 kilo"));

        Assert.Equal("T3", outcome.Urgency);
        Assert.Equal(["signs-combined"], outcome.Reasons.Select(r => r.Rule));
    }

    // A wound that has not healed rules out every massage: a long complaint is for the physiotherapist alone.
    [Theory]
    [InlineData("en", "together with massage", "A physiotherapist can see what you need")]
    [InlineData("nl", "samen met massage", "Een fysiotherapeut kan kijken wat je nodig hebt")]
    public void ALongComplaintWithAnOpenWoundAdvisesNoMassageInItsReason(string culture, string withMassage, string withoutMassage)
    {
        var outcome = RoutedAnswers.Route(culture, "shoulder", 17, ("ci-wound", "open wound"));

        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.Contains("physio", outcome.Routes);
        var chronic = Assert.Single(outcome.Reasons, r => r.Rule == "chronic");
        Assert.DoesNotContain(withMassage, chronic.Text, StringComparison.Ordinal);
        Assert.Contains(withoutMassage, chronic.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongComplaintWithMassageLeftKeepsTheMultidisciplinaryReason()
    {
        var outcome = RoutedAnswers.Route("en", "shoulder", 17);

        Assert.Contains("massage", outcome.Routes);
        Assert.Contains("together with massage", Assert.Single(outcome.Reasons, r => r.Rule == "chronic").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FeelingDownWithAnOpenWoundIsToldOfThePsychologistWithoutARelaxationMassage()
    {
        var outcome = Route("en", "shoulder", 3, ("ci-wound", "open wound"), ("phq-down", "nearly-every-day"), ("phq-interest", "nearly-every-day"));

        Assert.Contains("psychologist", outcome.Routes);
        Assert.DoesNotContain("massage", outcome.Routes);
        var reason = Assert.Single(outcome.Reasons, r => r.Rule == "psychosocial-high");
        Assert.Contains("psychologist", reason.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("massage", reason.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "you do not need a referral")]
    [InlineData("nl", "geen verwijzing voor nodig")]
    public void BackPainIntoTheLegOfEightWeeksSaysOnceThatNoReferralIsNeeded(string culture, string noReferral)
    {
        var outcome = RoutedAnswers.Route(culture, ["lower-back", "calf"], 8);

        Assert.Contains("back-into-leg", outcome.Reasons.Select(r => r.Rule));
        Assert.Contains("subacute", outcome.Reasons.Select(r => r.Rule));
        Assert.Equal(1, Count(Text(outcome, culture), noReferral));
    }

    // "No" to a fall, a misstep or an awkward lift, then "a fresh injury" at the list: the reason speaks of a fresh
    // injury, not of a fall the person denied, and "firm massage is not wise" is said once.
    [Fact]
    public void AFreshInjuryToldAtTheListIsNotCalledAFall()
    {
        var outcome = Route("en", "hamstrings", 0, ("trauma-minor", "no"), ("ci-injury", "yes, a fresh injury"));

        var text = Text(outcome, "en");
        Assert.Contains("fresh-strain", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("gentle-only", outcome.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain("fall", text, StringComparison.Ordinal);
        Assert.Equal(1, Count(text, "firm massage is not wise"));
    }

    [Theory]
    [InlineData("en", "Tell your GP what you mentioned: dark urine or extremely swollen muscles after exertion.")]
    [InlineData("nl", "Vertel de huisarts wat je noemde: donkere urine of extreem gezwollen spieren na inspanning.")]
    public void SwollenLegsAfterARaceAreNamedForTheGpAsTheSignIs(string culture, string tellGp)
    {
        var outcome = RoutedAnswers.Route(culture, "calf", 0, ("rf-dark-urine", "both calves are extremely swollen after the ultra trail"));

        Assert.Contains(tellGp, Text(outcome, culture), StringComparison.Ordinal);
    }

    // An operation in the past six weeks with cancer is cancer treatment: the oncology massage alone, not the
    // relaxation massage the operation alone would leave.
    [Theory]
    [InlineData(true, new[] { "oncology" })]
    [InlineData(false, new[] { "relaxation" })]
    public void AnOperationWithCancerLeavesTheOncologyMassageAlone(bool cancer, string[] massage)
    {
        (string, string)[] told = cancer ? [("cancer-history", "yes, breast cancer"), ("ci-surgery", "a mastectomy 3 weeks ago")] : [("ci-surgery", "knee surgery 3 weeks ago")];
        var outcome = RoutedAnswers.Route("en", "shoulder", 3, told);

        Assert.Equal(massage, outcome.MassageTypes);
        Assert.Equal(cancer, outcome.Reasons.Any(r => r.Rule == "oncology-after-surgery"));
        Assert.True(outcome.DoctorFirst);
    }

    // The reasons quote what a question asked in a few words, not the whole question; a number alone says what it
    // counts.
    [Theory]
    [InlineData("en", "stress or poor sleep: yes", "pain: 8", "4 months")]
    [InlineData("nl", "stress of slecht slapen: ja", "pijn: 8", "4 maanden")]
    public void AnswersAreQuotedByWhatTheQuestionAsked(string culture, string stress, string pain, string length)
    {
        var yes = Dialogs.Texts.Get("answer.yes", culture);
        var state = new TriageState
        {
            Step = "result",
            Culture = culture,
            Answers = new Dictionary<string, Answer>(StringComparer.Ordinal)
            {
                ["location"] = new() { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation("neck", BodySide.Unspecified)], Evidence = "neck" },
                ["duration"] = new() { Kind = AnswerKind.Duration, Seconds = 4 * 2_629_746L, Evidence = "4" },
                ["pain"] = new() { Kind = AnswerKind.Scale, Number = 8, Evidence = "8" },
                ["bother"] = new() { Kind = AnswerKind.Choice, Choice = "a-lot", Evidence = "a lot" },
                ["stress-sleep"] = new() { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = yes },
            }.ToImmutableSortedDictionary(),
        };

        var outcome = TriageRouter.Route(Dialogs, state);

        Assert.Contains(stress, Assert.Single(outcome.Reasons, r => r.Rule == "stress-and-sleep").Evidence);
        Assert.Contains(pain, Assert.Single(outcome.Reasons, r => r.Rule == "heavy-load").Evidence);
        Assert.Equal([length], Assert.Single(outcome.Reasons, r => r.Rule == "chronic").Evidence);
    }

    // A question with no label of its own, about no sign: quoted with the question, in short.
    [Fact]
    public void AQuestionWithoutALabelIsQuotedWithTheQuestion()
    {
        using var folder = new DialogsFolder();
        folder.Replace("flow.yaml", "    label:\n      nl: stress of slecht slapen\n      en: stress or poor sleep\n", "");
        var dialogs = DialogLoader.LoadDirectory(folder.Path);
        var state = new TriageState
        {
            Step = "result",
            Culture = "en",
            Answers = new Dictionary<string, Answer>(StringComparer.Ordinal)
            {
                ["location"] = new() { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation("neck", BodySide.Unspecified)], Evidence = "neck" },
                ["stress-sleep"] = new() { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "yes" },
            }.ToImmutableSortedDictionary(),
        };

        var outcome = TriageRouter.Route(dialogs, state);

        Assert.Equal([$"yes to '{dialogs.Flow["stress-sleep"].Question.Get("en")}'"], Assert.Single(outcome.Reasons, r => r.Rule == "stress-and-sleep").Evidence);
    }

    // Location, a duration of whole days and the given answers: yes-no words as said, a choice by its code.
    private static TriageOutcome Route(string culture, string location, int days, params (string Question, string Said)[] given)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            ["location"] = new() { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation(location, BodySide.Unspecified)], Evidence = location },
            ["duration"] = new() { Kind = AnswerKind.Duration, Seconds = Math.Max(days, 1) * 86_400L, Evidence = $"{days} days" },
            ["pain"] = new() { Kind = AnswerKind.Scale, Number = 4, Evidence = "4" },
        };
        foreach (var (question, said) in given)
        {
            answers[question] = Dialogs.Flow[question].Kind == AnswerKind.Choice
                ? new() { Kind = AnswerKind.Choice, Choice = said, Evidence = said }
                : new() { Kind = AnswerKind.YesNo, YesNo = said == "no" ? YesNo.No : YesNo.Yes, Evidence = said };
        }

        return TriageRouter.Route(Dialogs, new TriageState { Step = "result", Culture = culture, Answers = answers.ToImmutableSortedDictionary() });
    }
}

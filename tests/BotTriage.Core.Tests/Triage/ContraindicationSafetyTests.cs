using System.Collections.Immutable;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>
/// Over generated combinations of answers on the shipped dialogs: a reported contraindication never comes back with a
/// massage type that contraindications.yaml says it rules out, a massage type never comes without the massage route,
/// and no reason speaks for a massage type that was ruled out or asks for a doctor's word before a massage not advised.
/// </summary>
public sealed class ContraindicationSafetyTests
{
    private static readonly DialogSet Dialogs = DialogLoader.LoadDirectory(DialogPaths.Default);

    private static readonly string[] Locations = ["neck", "lower-back", "calf", "hamstrings", "shoulder", "head", "whole-body"];

    [Fact]
    public void NeverAdvisesAMassageTypeThatAReportedContraindicationRulesOut()
    {
        var questions = Dialogs.Flow.States.Where(s => s.Contraindication is not null).ToList();
        var random = new Random(20261121);
        var checkedCombinations = 0;
        for (var mask = 1; mask < 1 << questions.Count; mask++)
        {
            var location = Locations[mask % Locations.Length];
            var answers = BaseAnswers(location, random);
            for (var bit = 0; bit < questions.Count; bit++)
            {
                answers[questions[bit].Id] = YesNoAnswer((mask & (1 << bit)) != 0 ? YesNo.Yes : YesNo.No);
            }

            var outcome = TriageRouter.Route(Dialogs, new TriageState { Step = "result", Culture = "nl", Answers = answers.ToImmutableSortedDictionary() });

            var ruledOut = Dialogs.Contraindications.Where(c => outcome.Contraindications.Contains(c.Code)).SelectMany(c => c.RulesOut).ToHashSet();
            Assert.NotEmpty(outcome.Contraindications);
            Assert.DoesNotContain(outcome.MassageTypes, ruledOut.Contains);
            Assert.True(outcome.MassageTypes.Count == 0 || outcome.Routes.Contains("massage"), $"massage types without the massage route for mask {mask}");
            foreach (var reason in outcome.Reasons)
            {
                var rule = Dialogs.Rules.Single(r => r.Id == reason.Rule);
                Assert.True(
                    rule.MassageTypes.Count == 0 || rule.MassageTypes.Any(outcome.MassageTypes.Contains) || rule.Urgency is not null || rule.Routes.Any(r => r != "massage" && outcome.Routes.Contains(r)),
                    $"reason '{rule.Id}' names only massage types that were ruled out, for mask {mask}");
                Assert.False(rule.DoctorFirst && !outcome.Routes.Contains("massage"), $"reason '{rule.Id}' asks for a doctor's word before a massage that is not advised, for mask {mask}");
            }

            Assert.Equal(outcome.Reasons.Any(r => Dialogs.Rules.Single(rule => rule.Id == r.Rule).DoctorFirst), outcome.DoctorFirst);
            checkedCombinations++;
        }

        Assert.Equal((1 << questions.Count) - 1, checkedCombinations);
    }

    [Theory]
    [InlineData("rf-fever")]
    [InlineData("rf-calf-thrombosis")]
    public void GivesNoMassageAtAllWithFeverOrThrombosisSigns(string question)
    {
        var answers = BaseAnswers("calf", new Random(7));
        answers[question] = YesNoAnswer(YesNo.Yes);

        var outcome = TriageRouter.Route(Dialogs, new TriageState { Step = "result", Culture = "en", Answers = answers.ToImmutableSortedDictionary() });

        Assert.Empty(outcome.MassageTypes);
        Assert.DoesNotContain("massage", outcome.Routes);
        Assert.Contains("gp", outcome.Routes);
    }

    /// <summary>Answers that on their own would bring every massage type into play, varied by the random source.</summary>
    private static Dictionary<string, Answer> BaseAnswers(string location, Random random)
    {
        string[] frequencies = ["not-at-all", "several-days", "more-than-half", "nearly-every-day"];
        return new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            ["location"] = new() { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation(location, BodySide.Unspecified)], Evidence = location },
            ["duration"] = new() { Kind = AnswerKind.Duration, Seconds = random.Next(1, 60) * 604_800L, Evidence = "weeks" },
            ["pain"] = new() { Kind = AnswerKind.Scale, Number = random.Next(0, 11), Evidence = "pain" },
            ["cancer-history"] = YesNoAnswer(random.Next(2) == 0 ? YesNo.Yes : YesNo.No),
            ["sport"] = YesNoAnswer(YesNo.Yes),
            ["race"] = YesNoAnswer(random.Next(2) == 0 ? YesNo.Yes : YesNo.No),
            ["stress-sleep"] = YesNoAnswer(random.Next(2) == 0 ? YesNo.Yes : YesNo.No),
            ["earlier-care"] = YesNoAnswer(YesNo.Yes),
            ["phq-interest"] = new() { Kind = AnswerKind.Choice, Choice = frequencies[random.Next(4)], Evidence = "phq" },
            ["gad-worry"] = new() { Kind = AnswerKind.Choice, Choice = frequencies[random.Next(4)], Evidence = "gad" },
        };
    }

    private static Answer YesNoAnswer(YesNo value) => new() { Kind = AnswerKind.YesNo, YesNo = value, Evidence = value.ToString() };
}

using System.Collections.Immutable;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Triage;

/// <summary>The shipped routing over a few answers: one or more places, how many weeks, a pain of 4, and the questions answered yes.</summary>
internal static class RoutedAnswers
{
    public static readonly DialogSet Dialogs = DialogLoader.LoadDirectory(DialogPaths.Default);

    public static TriageOutcome Route(string culture, string location, int weeks, params (string Question, string Words)[] yes) =>
        Route(culture, [location], weeks, yes);

    public static TriageOutcome Route(string culture, string[] locations, int weeks, params (string Question, string Words)[] yes)
    {
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal)
        {
            ["location"] = new() { Kind = AnswerKind.BodyLocation, Locations = [.. locations.Select(l => new BodyLocation(l, BodySide.Unspecified))], Evidence = string.Join(", ", locations) },
            ["duration"] = new() { Kind = AnswerKind.Duration, Seconds = weeks * 604_800L, Evidence = $"{weeks} weeks" },
            ["pain"] = new() { Kind = AnswerKind.Scale, Number = 4, Evidence = "4" },
        };
        foreach (var (question, words) in yes)
        {
            answers[question] = new() { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = words };
        }

        return TriageRouter.Route(Dialogs, new TriageState { Step = "result", Culture = culture, Answers = answers.ToImmutableSortedDictionary() });
    }
}

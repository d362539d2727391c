using System.Collections.Immutable;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;
using BotTriage.Core.Tests.Triage;

namespace BotTriage.Core.Tests.Scenarios;

public sealed class ScriptRunnerTests
{
    private readonly ScriptRunner _runner = new(Conversation.Engine);

    [Fact]
    public void MatchesAVignetteThatDescribesTheEnginesOutcome()
    {
        var result = _runner.Run(Load("vignettes/matching.yaml"), ScenarioFixtures.Today);

        Assert.True(result.Matches);
        Assert.Equal("T2", result.Outcome.Urgency);
        Assert.Equal("result", result.FinalStep);
    }

    [Fact]
    public void ListsEveryFieldOfAVignetteThatDiffers()
    {
        var script = Load("vignettes/nested/differing.yaml");

        var result = _runner.Run(script, ScenarioFixtures.Today);

        Assert.False(result.Matches);
        Assert.Equal(
            [
                "differing.yaml:18: redFlags: expected [fever], actual [numbness]",
                "differing.yaml:16: routes: expected [gp, physio], actual [gp]",
                "differing.yaml:15: urgency: expected T2, actual T3",
            ],
            result.Differences.Select(d => d.Format("differing.yaml", script.Kind)));
    }

    [Fact]
    public void ReportsWhereATranscriptsOutcomeChangedSinceItWasRecorded()
    {
        var script = Load("changed-outcome.transcript");

        var result = _runner.Run(script, ScenarioFixtures.Today);

        Assert.Equal(
            [
                "changed.transcript:15: reasons: previous [numbness], now [fever, numbness]",
                "changed.transcript:15: redFlags: previous [numbness], now [fever, numbness]",
                "changed.transcript:15: urgency: previous T3, now T2",
            ],
            result.Differences.Select(d => d.Format("changed.transcript", script.Kind)));
    }

    [Fact]
    public void MatchesATranscriptWhoseOutcomeTheEngineStillGives()
    {
        var recorded = _runner.Run(Load("changed-outcome.transcript"), ScenarioFixtures.Today);
        var script = Load("changed-outcome.transcript");
        var current = script with
        {
            Expected = script.Expected with
            {
                Fields = recorded.OutcomeJson.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), 15), StringComparer.Ordinal),
            },
        };

        Assert.True(_runner.Run(current, ScenarioFixtures.Today).Matches);
    }

    [Fact]
    public void UsesTheScriptsDayForDurationsGivenAsDates()
    {
        var script = Load("vignettes/matching.yaml") with
        {
            Today = new DateOnly(2026, 11, 21),
            Turns = [new("ja"), new("onderrug"), new("sinds 1 augustus"), new("nee"), new("nee"), new("nee"), new("nee"), new("nee")],
        };

        var inNovember = _runner.Run(script, new DateOnly(2000, 1, 1));
        var inAugust = _runner.Run(script with { Today = new DateOnly(2026, 8, 10) }, new DateOnly(2000, 1, 1));

        Assert.Contains("physio", inNovember.Outcome.Routes);
        Assert.Contains("self-care", inAugust.Outcome.Routes);
    }

    [Fact]
    public void GivesTheEmptyOutcomeWhenTheScriptEndsBeforeTheResult()
    {
        var script = Load("vignettes/matching.yaml") with { Turns = [new("ja"), new("onderrug")] };

        var result = _runner.Run(script, ScenarioFixtures.Today);

        Assert.Equal("duration", result.FinalStep);
        Assert.False(result.Outcome.Completed);
        Assert.Contains(result.Differences, d => d.Field == "urgency" && OutcomeDifference.Describe(d.Actual) == "none");
    }

    private static Script Load(string name)
    {
        var errors = new List<DialogError>();
        var script = ScriptLoader.LoadFile(ScenarioFixtures.File(name), errors);
        Assert.Empty(errors);
        return script!;
    }
}

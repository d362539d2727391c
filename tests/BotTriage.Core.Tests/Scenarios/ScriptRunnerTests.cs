using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Scenarios;
using BotTriage.Core.Tests.Triage;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Scenarios;

/// <summary>
/// The runner on fixture scripts. They lean on what holds for every flow (an emergency phrase interrupts at once), or
/// take their expectations from the engine's own outcome, so they keep working while the triage content changes.
/// </summary>
public sealed class ScriptRunnerTests
{
    private readonly ScriptRunner _runner = new(Conversation.Engine);

    [Fact]
    public void MatchesAVignetteThatDescribesTheEnginesOutcome()
    {
        var result = _runner.Run(Load("vignettes/matching.yaml"), ScenarioFixtures.Today);

        Assert.True(result.Matches, string.Join(Environment.NewLine, result.Differences.Select(d => d.Format("matching.yaml", ScriptKind.Vignette))));
        Assert.True(result.Outcome.Emergency);
    }

    [Fact]
    public void ListsEveryFieldOfAVignetteThatDiffers()
    {
        var script = Load("vignettes/nested/differing.yaml");

        var result = _runner.Run(script, ScenarioFixtures.Today);

        Assert.False(result.Matches);
        Assert.Equal(
            [
                "differing.yaml:11: emergency: expected false, actual true",
                "differing.yaml:9: routes: expected [gp, physio], actual [emergency-112]",
                "differing.yaml:8: urgency: expected T3, actual T0",
            ],
            result.Differences.Select(d => d.Format("differing.yaml", script.Kind)));
    }

    [Fact]
    public void ReportsWhereATranscriptsOutcomeChangedSinceItWasRecorded()
    {
        var script = Load("changed-outcome.transcript");

        var result = _runner.Run(script, ScenarioFixtures.Today);

        var lines = result.Differences.Select(d => d.Format("changed.transcript", script.Kind)).ToList();
        Assert.Contains("changed.transcript:8: urgency: previous T3, now T0", lines);
        Assert.Contains("changed.transcript:8: routes: previous [gp], now [emergency-112]", lines);
        Assert.Contains("changed.transcript:8: redFlags: previous [numbness], now []", lines);
        Assert.Contains("changed.transcript:8: emergency: previous false, now true", lines);
        Assert.Contains("changed.transcript:8: completed: previous true, now false", lines);
        Assert.DoesNotContain(lines, l => l.Contains("massageTypes", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchesATranscriptWhoseOutcomeTheEngineStillGives()
    {
        var script = Load("changed-outcome.transcript");
        var recorded = _runner.Run(script, ScenarioFixtures.Today);
        var current = script with { Expected = script.Expected with { Fields = Fields(recorded.OutcomeJson) } };

        var result = _runner.Run(current, ScenarioFixtures.Today);

        Assert.True(result.Matches);
    }

    [Fact]
    public void ComparesListsAsSetsWhateverTheirOrder()
    {
        var script = Load("vignettes/matching.yaml");
        var actual = _runner.Run(script, ScenarioFixtures.Today).OutcomeJson;
        var routes = actual.GetProperty("routes").EnumerateArray().Select(r => r.GetString()!).Reverse().ToArray();
        var doubled = routes.Concat(routes).ToArray();
        var expected = script.Expected.Fields.SetItem("routes", new ExpectedValue(JsonSerializer.SerializeToElement(doubled), 9));

        var result = _runner.Run(script with { Expected = script.Expected with { Fields = expected } }, ScenarioFixtures.Today);

        Assert.True(result.Matches);
    }

    [Fact]
    public void GivesTheEmptyOutcomeWhenTheScriptEndsBeforeTheResult()
    {
        var script = Load("vignettes/matching.yaml") with { Turns = [new("nee")] };

        var result = _runner.Run(script, ScenarioFixtures.Today);

        Assert.False(result.Outcome.Completed);
        Assert.Equal("none", result.Outcome.Urgency);
        Assert.NotEqual(TriageEngine.EmergencyStep, result.FinalStep);
        Assert.Contains(result.Differences, d => d.Field == "urgency" && OutcomeDifference.Describe(d.Actual) == "none");
    }

    private static ImmutableSortedDictionary<string, ExpectedValue> Fields(JsonElement outcome) =>
        outcome.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), 8), StringComparer.Ordinal);

    private static Script Load(string name)
    {
        var errors = new List<DialogError>();
        var script = ScriptLoader.LoadFile(ScenarioFixtures.File(name), errors);
        Assert.Empty(errors);
        return script!;
    }
}

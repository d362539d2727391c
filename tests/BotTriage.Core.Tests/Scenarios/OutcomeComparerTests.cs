using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Core.Scenarios;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Scenarios;

public sealed class OutcomeComparerTests
{
    private static readonly TriageOutcome Fever = new()
    {
        Urgency = "T2",
        Routes = ["gp"],
        RedFlags = ["fever", "night-pain"],
        Reasons = [new OutcomeReason("fever", "Koorts...") { Evidence = ["ja"] }, new OutcomeReason("night-pain", "Nachtpijn...")],
        Completed = true,
    };

    [Fact]
    public void IgnoresTheOrderOfListsAndTheFieldsAVignetteDoesNotName()
    {
        var expected = Expect(("redFlags", """["night-pain", "fever"]"""), ("urgency", "\"T2\""));

        var differences = OutcomeComparer.Compare(expected, OutcomeContract.ToJson(Fever));

        Assert.Empty(differences);
    }

    [Fact]
    public void ListsEachDifferingFieldWithExpectedAndActualValues()
    {
        var expected = Expect(("urgency", "\"T3\""), ("routes", """["gp", "physio"]"""), ("completed", "true"), ("emergency", "true"));

        var differences = OutcomeComparer.Compare(expected, OutcomeContract.ToJson(Fever));

        Assert.Equal(
            ["emergency: true -> false", "routes: [gp, physio] -> [gp]", "urgency: T3 -> T2"],
            differences.Select(d => $"{d.Field}: {OutcomeDifference.Describe(d.Expected)} -> {OutcomeDifference.Describe(d.Actual)}"));
        Assert.All(differences, d => Assert.Equal(7, d.Line));
    }

    [Fact]
    public void TreatsAListTheOutcomeDoesNotCarryAsEmpty()
    {
        var outcome = OutcomeContract.ToJson(Fever);

        Assert.Empty(OutcomeComparer.Compare(Expect(("contraindications", "[]")), outcome));
        var difference = Assert.Single(OutcomeComparer.Compare(Expect(("contraindications", """["pregnancy"]""")), outcome));
        Assert.Equal("[pregnancy]", OutcomeDifference.Describe(difference.Expected));
        Assert.Equal("[]", OutcomeDifference.Describe(difference.Actual));
    }

    [Fact]
    public void ComparesAWholePreviousOutcomeWithReasonsByTheirRule()
    {
        var reworded = Fever with { Reasons = [new OutcomeReason("night-pain", "Anders gezegd"), new OutcomeReason("fever", "Anders") { Evidence = ["koorts"] }] };
        var otherRule = Fever with { Reasons = [new OutcomeReason("fever", "Koorts...")] };

        Assert.Empty(OutcomeComparer.Compare(Previous(Fever), OutcomeContract.ToJson(reworded)));
        var difference = Assert.Single(OutcomeComparer.Compare(Previous(Fever), OutcomeContract.ToJson(otherRule)));
        Assert.Equal("reasons", difference.Field);
        Assert.Equal("[fever, night-pain]", OutcomeDifference.Describe(difference.Expected));
        Assert.Equal("[fever]", OutcomeDifference.Describe(difference.Actual));
    }

    [Fact]
    public void ReportsAFieldThatAppearedOrVanishedSinceThePreviousOutcome()
    {
        using var previous = JsonDocument.Parse("""{"urgency": "T2", "routes": ["gp"], "massageTypes": [], "redFlags": ["fever", "night-pain"], "reasons": [{"rule": "fever"}, {"rule": "night-pain"}], "completed": true, "emergency": false, "tier": "old"}""");
        var fields = previous.RootElement.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), 3), StringComparer.Ordinal);

        var difference = Assert.Single(OutcomeComparer.Compare(new ExpectedOutcome(fields, Complete: true), OutcomeContract.ToJson(Fever)));

        Assert.Equal("tier", difference.Field);
        Assert.Equal("old", OutcomeDifference.Describe(difference.Expected));
        Assert.Null(difference.Actual);
    }

    [Fact]
    public void ReadsAFlagMissingFromAnOlderOutcomeAsFalse()
    {
        using var previous = JsonDocument.Parse("""{"urgency": "T2", "routes": ["gp"], "massageTypes": [], "redFlags": ["fever", "night-pain"], "reasons": [{"rule": "fever"}, {"rule": "night-pain"}], "completed": true}""");
        var fields = previous.RootElement.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), 3), StringComparer.Ordinal);
        var expected = new ExpectedOutcome(fields, Complete: true);

        Assert.Empty(OutcomeComparer.Compare(expected, OutcomeContract.ToJson(Fever)));
        var difference = Assert.Single(OutcomeComparer.Compare(expected, OutcomeContract.ToJson(Fever with { DoctorFirst = true })));
        Assert.Equal("doctorFirst", difference.Field);
        Assert.Null(difference.Expected);
        Assert.Equal("true", OutcomeDifference.Describe(difference.Actual));
        var written = Assert.Single(OutcomeComparer.Compare(new ExpectedOutcome(fields.Add("doctorFirst", new ExpectedValue(JsonDocument.Parse("false").RootElement, 4)), Complete: true), OutcomeContract.ToJson(Fever with { DoctorFirst = true })));
        Assert.Equal("false", OutcomeDifference.Describe(written.Expected));
        Assert.Equal(4, written.Line);
    }

    [Fact]
    public void ShowsListItemsWithoutAnIdAsADigestNeverAsTheirWords()
    {
        var previous = new ExpectedOutcome(ImmutableSortedDictionary<string, ExpectedValue>.Empty.Add("notes", new ExpectedValue(JsonElement.Parse("""[{"said": "mijn rug"}]"""), 4)), Complete: false);
        var outcome = JsonElement.Parse("""{"notes": [{"said": "mijn nek"}]}""");

        var difference = Assert.Single(OutcomeComparer.Compare(previous, outcome));

        Assert.DoesNotContain("mijn", difference.Format("x.transcript", ScriptKind.Transcript), StringComparison.Ordinal);
        Assert.NotEqual(OutcomeDifference.Describe(difference.Expected), OutcomeDifference.Describe(difference.Actual));
        Assert.Empty(OutcomeComparer.Compare(previous, JsonElement.Parse("""{"notes": [{"said": "mijn rug"}]}""")));
    }

    private static ExpectedOutcome Expect(params (string Field, string Json)[] fields) =>
        new(fields.ToImmutableSortedDictionary(f => f.Field, f => new ExpectedValue(JsonElement.Parse(f.Json), 7), StringComparer.Ordinal), Complete: false);

    private static ExpectedOutcome Previous(TriageOutcome outcome) =>
        new(OutcomeContract.ToJson(outcome).EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), 2), StringComparer.Ordinal), Complete: true);
}

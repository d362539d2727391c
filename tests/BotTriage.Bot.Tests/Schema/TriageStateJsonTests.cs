using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;
using BotTriage.Core.Understanding;

namespace BotTriage.Bot.Tests.Schema;

public class TriageStateJsonTests
{
    // A state as the stores keep it (SQLite, PostgreSQL, memory): the answers object keyed by question id in sorted
    // order, each answer with only the fields of its kind and without the defaults (not approximate, no locations),
    // text escaped as the writer escapes it.
    private static readonly string StoredJson = """
        {"step":"rf-fever","culture":"nl","answers":{
        "bother":{"kind":"Choice","evidence":"een beetje","choice":"a-little"},
        "consent":{"kind":"YesNo","evidence":"ja","yesNo":"Yes"},
        "duration":{"kind":"Duration","evidence":"een week of drie","seconds":1814400,"approximate":true},
        "location":{"kind":"BodyLocation","evidence":"linkerschouder, nek","locations":[{"code":"shoulder","side":"Left"},{"code":"neck","side":"Unspecified"}]},
        "pain":{"kind":"Scale","evidence":"ongeveer 7,5","number":7.5,"approximate":true},
        "redflag.weight-loss":{"kind":"YesNo","evidence":"ik val af","yesNo":"Yes"},
        "rf-neck-dizziness":{"kind":"YesNo","evidence":"nee","yesNo":"No"},
        "story":{"kind":"FreeText","evidence":"\u0022zeurt\u0022 \u003Cerg\u003E","text":"\u0022zeurt\u0022 \u003Cerg\u003E"}},
        "history":["emergency-screen","consent","language","location","duration","pain","bother","rf-neck-dizziness","rf-fever"],"confirmed":[],"turn":9,"lastMessageId":"m9"}
        """.ReplaceLineEndings("");

    // The same state as earlier versions stored it, with every answer's defaults written out.
    private static readonly string EarlierStoredJson = """
        {"step":"rf-fever","culture":"nl","answers":{
        "bother":{"kind":"Choice","evidence":"een beetje","choice":"a-little","approximate":false,"locations":[]},
        "consent":{"kind":"YesNo","evidence":"ja","yesNo":"Yes","approximate":false,"locations":[]},
        "duration":{"kind":"Duration","evidence":"een week of drie","seconds":1814400,"approximate":true,"locations":[]},
        "location":{"kind":"BodyLocation","evidence":"linkerschouder, nek","approximate":false,"locations":[{"code":"shoulder","side":"Left"},{"code":"neck","side":"Unspecified"}]},
        "pain":{"kind":"Scale","evidence":"ongeveer 7,5","number":7.5,"approximate":true,"locations":[]},
        "redflag.weight-loss":{"kind":"YesNo","evidence":"ik val af","yesNo":"Yes","approximate":false,"locations":[]},
        "rf-neck-dizziness":{"kind":"YesNo","evidence":"nee","yesNo":"No","approximate":false,"locations":[]},
        "story":{"kind":"FreeText","evidence":"\u0022zeurt\u0022 \u003Cerg\u003E","approximate":false,"locations":[],"text":"\u0022zeurt\u0022 \u003Cerg\u003E"}},
        "history":["emergency-screen","consent","language","location","duration","pain","bother","rf-neck-dizziness","rf-fever"],"confirmed":[],"turn":9,"lastMessageId":"m9"}
        """.ReplaceLineEndings("");

    [Fact]
    public void AStateStoredByAnEarlierVersionReadsTheSameAndIsStoredWithoutTheDefaults()
    {
        var earlier = JsonSerializer.Deserialize(EarlierStoredJson, BotJsonContext.Default.TriageState)!;

        Assert.Equal(StoredJson, JsonSerializer.Serialize(earlier, BotJsonContext.Default.TriageState));
        Assert.True(earlier.Answers["pain"].Approximate);
        Assert.False(earlier.Answers["consent"].Approximate);
        Assert.Empty(earlier.Answers["consent"].Locations);
        Assert.Equal([new BodyLocation("shoulder", BodySide.Left), new BodyLocation("neck")], earlier.Answers["location"].Locations);
    }

    [Fact]
    public void AStoredStateReadsBackAndIsWrittenAsBefore()
    {
        var state = JsonSerializer.Deserialize(StoredJson, BotJsonContext.Default.TriageState)!;

        var json = JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState);

        Assert.Equal(StoredJson, json);
        Assert.Equal(["bother", "consent", "duration", "location", "pain", "redflag.weight-loss", "rf-neck-dizziness", "story"], state.Answers.Keys);
        Assert.Equal(7.5, state.Answers["pain"].Number);
        Assert.Equal("\"zeurt\" <erg>", state.Answers["story"].Text);
        Assert.Equal(1_814_400, state.Answers["duration"].Seconds);
        Assert.Equal([new BodyLocation("shoulder", BodySide.Left), new BodyLocation("neck")], state.Answers["location"].Locations);
        Assert.Equal(["weight-loss"], RedFlags.Reported(new Core.Dialogs.FlowDefinition("consent", []), state.Answers));
    }

    [Fact]
    public void MessagesNotTakenInARowAndTheUnitAskedForAreKeptOnlyWhileThereAreAny()
    {
        var state = JsonSerializer.Deserialize(StoredJson, BotJsonContext.Default.TriageState)! with { Misses = 2, DurationUnitAsked = DurationResolution.SecondsPerWeek };

        var json = JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState);

        Assert.Equal(StoredJson[..^1] + ",\"misses\":2,\"durationUnitAsked\":604800}", json);
        var read = JsonSerializer.Deserialize(json, BotJsonContext.Default.TriageState)!;
        Assert.Equal((2, 604_800L), (read.Misses, read.DurationUnitAsked));
        Assert.Equal(0, JsonSerializer.Deserialize(StoredJson, BotJsonContext.Default.TriageState)!.Misses);
    }

    // Where in the legs asked, with the side the legs were named with: a restart goes on asking it, on that side.
    [Fact]
    public void WhereInTheLegsAndTheirSideAreKeptOnlyWhileAsked()
    {
        var state = JsonSerializer.Deserialize(StoredJson, BotJsonContext.Default.TriageState)! with { LegsAsked = true, LegsSide = BodySide.Left };

        var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState), BotJsonContext.Default.TriageState)!;

        Assert.Equal((true, BodySide.Left), (read.LegsAsked, read.LegsSide));
        Assert.Equal(StoredJson, JsonSerializer.Serialize(read with { LegsAsked = false, LegsSide = BodySide.Unspecified }, BotJsonContext.Default.TriageState));
    }

    [Fact]
    public void AStoredStateIsWrittenAsBeforeWithOptionsOfItsOwn()
    {
        var context = new BotJsonContext(new JsonSerializerOptions(BotJsonContext.Default.Options));
        var state = JsonSerializer.Deserialize(StoredJson, context.TriageState)!;

        var json = JsonSerializer.Serialize(state, context.TriageState);

        Assert.Equal(StoredJson, json);
    }

    [Fact]
    public void ReadAnswersAreKeyedOrdinally()
    {
        var state = JsonSerializer.Deserialize(StoredJson, BotJsonContext.Default.TriageState)!;

        Assert.IsType<OrdinalAnswersConverter>(BotJsonContext.Default.GetTypeInfo(typeof(ImmutableSortedDictionary<string, Answer>))!.Converter);
        Assert.Same(StringComparer.Ordinal, state.Answers.KeyComparer);
        Assert.Same(StringComparer.Ordinal, state.Answers.SetItem("pijn", state.Answers["pain"]).KeyComparer);
    }

    [Fact]
    public void AStateBuiltInCodeWritesTheSameAsOneReadBack()
    {
        var built = new TriageState
        {
            Step = "pain",
            Culture = "en",
            Answers = ImmutableSortedDictionary<string, Answer>.Empty
                .Add("pain", new Answer { Kind = AnswerKind.Scale, Number = 7, Evidence = "7" })
                .Add("consent", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "yes" }),
        };

        var json = JsonSerializer.Serialize(built, BotJsonContext.Default.TriageState);
        var read = JsonSerializer.Deserialize(json, BotJsonContext.Default.TriageState)!;

        Assert.Equal(json, JsonSerializer.Serialize(read, BotJsonContext.Default.TriageState));
        Assert.Equal(built.Answers, read.Answers);
        Assert.StartsWith("""{"step":"pain","culture":"en","answers":{"consent":""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyOrMissingAnswersObjectReadsAsNoAnswers()
    {
        var empty = JsonSerializer.Deserialize("""{"step":"consent","culture":"nl","answers":{}}""", BotJsonContext.Default.TriageState)!;
        var missing = JsonSerializer.Deserialize("""{"step":"consent","culture":"nl"}""", BotJsonContext.Default.TriageState)!;
        var none = JsonSerializer.Deserialize("""{"step":"consent","culture":"nl","answers":null}""", BotJsonContext.Default.TriageState)!;

        Assert.Empty(empty.Answers);
        Assert.Empty(missing.Answers);
        Assert.Empty(none.Answers);
        Assert.Same(StringComparer.Ordinal, empty.Answers.KeyComparer);
        Assert.Contains("\"answers\":{}", JsonSerializer.Serialize(empty, BotJsonContext.Default.TriageState), StringComparison.Ordinal);
    }
}

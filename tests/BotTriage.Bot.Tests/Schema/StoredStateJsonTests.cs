using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Tests.Schema;

public class StoredStateJsonTests
{
    // A state as the bot stores it: it must load, and write back unchanged, whatever changes in how it is read.
    private static readonly string StoredState = """
        {"step":"duration","culture":"nl","answers":{"consent":{"kind":"YesNo","evidence":"ja","yesNo":"Yes","approximate":false,"locations":[]},
        "emergency-screen":{"kind":"YesNo","evidence":"nee","yesNo":"No","approximate":false,"locations":[]},
        "language":{"kind":"Choice","evidence":"dutch","choice":"nl","approximate":false,"locations":[]},
        "location":{"kind":"BodyLocation","evidence":"nek","approximate":false,"locations":[{"code":"neck","side":"Unspecified"}]},
        "pain":{"kind":"Scale","evidence":"ongeveer 7,5 \u003Cerg\u003E","number":7.5,"approximate":true,"locations":[]},
        "since":{"kind":"Duration","evidence":"3 weken","seconds":1814400,"approximate":false,"locations":[]},
        "story":{"kind":"FreeText","evidence":"\u0022zeurt\u0022","approximate":false,"locations":[],"text":"\u0022zeurt\u0022"}},
        "history":["emergency-screen","consent","language","location","duration"],"confirmed":[],"turn":4}
        """.ReplaceLineEndings("");

    [Fact]
    public void A_stored_state_loads_and_is_written_back_byte_for_byte()
    {
        var state = JsonSerializer.Deserialize(StoredState, BotJsonContext.Default.TriageState)!;

        Assert.Equal(YesNo.Yes, state.Answers["consent"].YesNo);
        Assert.Equal(new BodyLocation("neck"), Assert.Single(state.Answers["location"].Locations));
        Assert.Equal(7.5, state.Answers["pain"].Number);
        Assert.True(state.Answers["pain"].Approximate);
        Assert.Equal(1814400, state.Answers["since"].Seconds);
        Assert.Equal("\"zeurt\"", state.Answers["story"].Text);
        Assert.True(state.ConsentGiven);
        Assert.Equal(StoredState, JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState));
    }

    [Fact]
    public void Every_field_of_an_answer_round_trips()
    {
        var answer = new Answer
        {
            Kind = AnswerKind.BodyLocation,
            Evidence = "links <schouder> & \"nek\"",
            YesNo = YesNo.Unknown,
            Choice = "left",
            Number = -0.1,
            Seconds = long.MaxValue,
            Approximate = true,
            Locations = [new BodyLocation("shoulder", BodySide.Left), new BodyLocation("neck")],
            Text = "ééntje",
        };

        var json = JsonSerializer.Serialize(answer, BotJsonContext.Default.Answer);
        var read = JsonSerializer.Deserialize(json, BotJsonContext.Default.Answer)!;

        Assert.Equal(answer with { Locations = [] }, read with { Locations = [] });
        Assert.Equal(answer.Locations, read.Locations);
        Assert.StartsWith("""{"kind":"BodyLocation","evidence":""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_casing_enum_numbers_and_unknown_properties_are_read_as_the_contract_reads_them()
    {
        var read = JsonSerializer.Deserialize(
            """{"Kind":1,"EVIDENCE":"b","YesNo":"yes","futureField":{"nested":[1,2]},"choice":null,"approximate":true,"Locations":[{"Code":"knee","SIDE":2,"extra":true}]}""",
            BotJsonContext.Default.Answer)!;

        Assert.Equal(AnswerKind.Choice, read.Kind);
        Assert.Equal("b", read.Evidence);
        Assert.Equal(YesNo.Yes, read.YesNo);
        Assert.Null(read.Choice);
        Assert.True(read.Approximate);
        Assert.Equal(new BodyLocation("knee", BodySide.Right), Assert.Single(read.Locations));
    }

    [Theory]
    [InlineData("""{"evidence":"ja"}""")]
    [InlineData("""{"kind":"YesNo","yesNo":"7"}""")]
    [InlineData("""{"kind":99}""")]
    [InlineData("""{"kind":"BodyLocation","locations":[{"side":"Left"}]}""")]
    [InlineData("""{"kind":"BodyLocation","locations":{}}""")]
    [InlineData("{\"kind\":\"YesNo\",\"evidence\":\"ja")]
    [InlineData("""{"kind":"Maybe"}""")]
    [InlineData("""["kind","YesNo"]""")]
    public void A_broken_answer_is_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, BotJsonContext.Default.Answer));
    }

    [Fact]
    public void An_answer_without_optional_fields_omits_them()
    {
        var json = JsonSerializer.Serialize(new Answer { Kind = AnswerKind.YesNo, Evidence = "nee", YesNo = YesNo.No }, BotJsonContext.Default.Answer);

        Assert.Equal("""{"kind":"YesNo","evidence":"nee","yesNo":"No","approximate":false,"locations":[]}""", json);
        Assert.Equal(ImmutableList<BodyLocation>.Empty, JsonSerializer.Deserialize(json, BotJsonContext.Default.Answer)!.Locations);
    }
}

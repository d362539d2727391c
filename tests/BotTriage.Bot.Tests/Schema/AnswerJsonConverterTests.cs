using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Tests.Schema;

public class AnswerJsonConverterTests
{
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

        Assert.Equal("""{"kind":"YesNo","evidence":"nee","yesNo":"No"}""", json);
        Assert.Equal(ImmutableList<BodyLocation>.Empty, JsonSerializer.Deserialize(json, BotJsonContext.Default.Answer)!.Locations);
    }
}

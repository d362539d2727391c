using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Teams;

namespace BotTriage.Bot.Tests.Teams;

public sealed class SubmittedAnswerTests
{
    [Fact]
    public void ReadsTheChoiceOfAPlainSubmitThatHasNoText()
    {
        var activity = Activity.CreateMessageActivity() with { Value = Json("""{"bottriageChoice":"7"}""") };

        Assert.Equal("7", SubmittedAnswer.Read(activity));
    }

    [Fact]
    public void PrefersTheChoiceOverTheTextOfAMessageBack()
    {
        var activity = Activity.CreateMessageActivity("<at>BotTriage</at> 7") with { Value = Json("""{"bottriageChoice":"7"}""") };

        Assert.Equal("7", SubmittedAnswer.Read(activity));
    }

    [Theory]
    [InlineData("""{"other":"x"}""")]
    [InlineData("""{"bottriageChoice":""}""")]
    [InlineData("""{"bottriageChoice":7}""")]
    [InlineData("\"7\"")]
    public void FallsBackToTheTypedTextWhenTheValueCarriesNoChoice(string value)
    {
        var activity = Activity.CreateMessageActivity("ja") with { Value = Json(value) };

        Assert.Equal("ja", SubmittedAnswer.Read(activity));
    }

    [Fact]
    public void ReadsNothingAsEmpty()
    {
        Assert.Equal("", SubmittedAnswer.Read(Activity.CreateMessageActivity()));
    }

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

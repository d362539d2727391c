using System.Text;
using System.Text.Json;
using BotTriage.Bot.Transcripts;

namespace BotTriage.Bot.Tests.Transcripts;

public sealed class TranscriptFileTests
{
    private static readonly CancellationToken Token = CancellationToken.None;

    [Fact]
    public async Task WritesAJsonArrayInUtf8WithoutAByteOrderMark()
    {
        var activities = new[]
        {
            JsonElement.Parse("""{"type":"message","id":"1","text":"Hoe erg is de pijn? ééé"}"""),
            JsonElement.Parse("""{"type":"trace","name":"x"}"""),
        };
        using var stream = new MemoryStream();

        await TranscriptFile.WriteAsync(stream, activities, Token);

        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal((byte)'[', bytes[0]);
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.Equal("Hoe erg is de pijn? ééé", document.RootElement[0].GetProperty("text").GetString());
        Assert.Contains("ééé", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadsBackWhatItWrote()
    {
        var activities = new[]
        {
            JsonElement.Parse("""{"type":"message","id":"1","text":"hoi","from":{"id":"user1","role":"user"}}"""),
            JsonElement.Parse("""{"type":"message","text":"Welkom","replyToId":"1"}"""),
        };
        using var stream = new MemoryStream();
        await TranscriptFile.WriteAsync(stream, activities, Token);
        stream.Position = 0;

        var read = await TranscriptFile.ReadAsync(stream, Token);

        Assert.Equal(2, read.Count);
        Assert.True(JsonElement.DeepEquals(activities[0], read[0]));
        Assert.True(JsonElement.DeepEquals(activities[1], read[1]));
    }

    [Fact]
    public async Task ReadsTheObjectFormWithATranscriptProperty()
    {
        using var stream = new MemoryStream("""{"transcript":[{"type":"message","id":"a"},{"type":"typing"}]}"""u8.ToArray());

        var read = await TranscriptFile.ReadAsync(stream, Token);

        Assert.Equal(["message", "typing"], read.Select(a => a.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ReadsAFileWithAByteOrderMark()
    {
        using var stream = new MemoryStream([0xEF, 0xBB, 0xBF, .. """[{"type":"message"}]"""u8.ToArray()]);

        var read = await TranscriptFile.ReadAsync(stream, Token);

        Assert.Single(read);
    }

    [Theory]
    [InlineData("""{"activities":[]}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""not json""")]
    public async Task RejectsContentThatIsNotATranscript(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        await Assert.ThrowsAsync<FormatException>(() => TranscriptFile.ReadAsync(stream, Token));
    }
}

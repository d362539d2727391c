using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Tests.Schema;

public class ActivityTests
{
    private const string IncomingJson = """
        {
          "Type": "message",
          "ID": "act-1",
          "timestamp": "2025-03-01T10:00:00.123Z",
          "localTimestamp": "2025-03-01T11:00:00.123+01:00",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:user", "name": "Anna", "aadObjectId": "aad-1", "role": "user" },
          "recipient": { "id": "28:bot", "name": "BotTriage" },
          "conversation": { "id": "a:conv", "conversationType": "personal", "tenantId": "t1", "futureField": 7 },
          "text": "hoi",
          "locale": "nl-NL",
          "channelData": { "tenant": { "id": "t1" } },
          "entities": [ { "type": "ClientCapabilities", "requiresBotState": true } ],
          "value": null,
          "someFutureField": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void ReadsFieldNamesInAnyCasing()
    {
        var activity = JsonSerializer.Deserialize(IncomingJson, BotJsonContext.Default.Activity)!;

        Assert.Equal("message", activity.Type);
        Assert.Equal("act-1", activity.Id);
        Assert.Equal("29:user", activity.From!.Id);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Null(activity.Value);
    }

    [Fact]
    public void KeepsUnknownFieldsAndWritesThemBack()
    {
        var activity = JsonSerializer.Deserialize(IncomingJson, BotJsonContext.Default.Activity)!;

        var json = JsonSerializer.SerializeToElement(activity, BotJsonContext.Default.Activity);

        Assert.Equal("[1,2,3]", json.GetProperty("someFutureField").GetProperty("nested").GetRawText());
        Assert.Equal(7, json.GetProperty("conversation").GetProperty("futureField").GetInt32());
        Assert.True(json.GetProperty("entities")[0].GetProperty("requiresBotState").GetBoolean());
        Assert.Equal("t1", json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
    }

    [Fact]
    public void WritesCamelCaseAndOmitsNulls()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "hello", ReplyToId = "x" };

        var json = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

        Assert.Equal("""{"type":"message","replyToId":"x","text":"hello"}""", json);
    }

    [Fact]
    public void KeepsTimestampOffsetsAndWritesUtcTimestampWithZ()
    {
        var activity = JsonSerializer.Deserialize(IncomingJson, BotJsonContext.Default.Activity)!;

        var json = JsonSerializer.SerializeToElement(activity, BotJsonContext.Default.Activity);

        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("2025-03-01T10:00:00.123Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("2025-03-01T11:00:00.123+01:00", json.GetProperty("localTimestamp").GetString());
    }

    [Fact]
    public void ReplySwapsFromAndRecipientAndCopiesTheConversation()
    {
        var incoming = JsonSerializer.Deserialize(IncomingJson, BotJsonContext.Default.Activity)!;

        var reply = incoming.CreateReply("Welkom");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("28:bot", reply.From!.Id);
        Assert.Equal("29:user", reply.Recipient!.Id);
        Assert.Equal("a:conv", reply.Conversation!.Id);
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", reply.ServiceUrl);
        Assert.Equal("nl-NL", reply.Locale);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Null(reply.Id);
        Assert.Null(reply.Timestamp);
    }

    [Theory]
    [InlineData("directline", null)]
    [InlineData("webchat", null)]
    [InlineData("emulator", "cu-1")]
    [InlineData("msteams", "cu-1")]
    public void ReplyToAConversationUpdateHasNoReplyToIdOnDirectLineAndWebChat(string channelId, string? expected)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = "cu-1",
            ChannelId = channelId,
            From = new ChannelAccount("u"),
            Recipient = new ChannelAccount("b"),
            Conversation = new ConversationAccount("c"),
        };

        var reply = update.CreateReply("hi");

        Assert.Equal(expected, reply.ReplyToId);
    }

    [Fact]
    public void ImBackUsesTheLabelAsTitleAndValue()
    {
        var action = CardAction.ImBack("Ja");

        var json = JsonSerializer.Serialize(action, BotJsonContext.Default.CardAction);

        Assert.Equal("""{"type":"imBack","title":"Ja","value":"Ja"}""", json);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotTriage.Web.Tests.DirectLine;

/// <summary>
/// The calls DirectLineJS 0.15 makes with <c>webSocket: false</c>, as it makes them: the same paths, the same
/// <c>Authorization</c> and <c>x-ms-bot-agent</c> headers, Web Chat's activity shape with <c>clientActivityID</c>,
/// and polling with the watermark it was given.
/// </summary>
public sealed class DirectLineClient(HttpClient http)
{
    private const string Domain = "/v3/directline";
    private const string BotAgent = "DirectLine/3.0 (directlinejs; WebChat/4.18.1 (Full))";
    private int _clientActivityId;

    public string? Token { get; set; }

    public string? ConversationId { get; private set; }

    public string? Watermark { get; private set; }

    public string UserId { get; set; } = "";

    /// <summary>The body of the last successful conversation start.</summary>
    public JsonElement LastStart { get; private set; }

    /// <summary>The same visitor (token, conversation, watermark) talking to another host: after a restart, or another instance.</summary>
    public DirectLineClient MovedTo(HttpClient other) => new(other)
    {
        Token = Token,
        ConversationId = ConversationId,
        Watermark = Watermark,
        UserId = UserId,
    };

    /// <summary>The page's own call: a token for an anonymous visitor.</summary>
    public async Task<JsonElement> GetPageTokenAsync()
    {
        using var response = await http.PostAsync(new Uri("/api/chat/token", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Token = body.GetProperty("token").GetString();
        UserId = body.GetProperty("userId").GetString()!;
        return body;
    }

    public async Task<HttpResponseMessage> StartConversationAsync(string? locale = null)
    {
        using var request = Request(HttpMethod.Post, Domain + "/conversations");
        if (locale is not null)
        {
            request.Content = Json(new JsonObject { ["user"] = new JsonObject { ["id"] = UserId }, ["locale"] = locale });
        }

        var response = await http.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            LastStart = body;
            ConversationId = body.GetProperty("conversationId").GetString();
            Token = body.GetProperty("token").GetString();
        }

        return response;
    }

    /// <summary>Posts a message as Web Chat does and returns the response and the clientActivityID it carried.</summary>
    public async Task<(HttpResponseMessage Response, string ClientActivityId)> PostMessageAsync(string text, string? conversationId = null)
    {
        var clientActivityId = "client-" + Interlocked.Increment(ref _clientActivityId);
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["channelId"] = "webchat",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "", ["role"] = "user" },
            ["locale"] = "nl-NL",
            ["localTimestamp"] = "2026-03-01T10:00:00.000+01:00",
            ["localTimezone"] = "Europe/Amsterdam",
            ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId, ["clientTimestamp"] = "2026-03-01T09:00:00.000Z" },
            ["entities"] = new JsonArray { new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true, ["supportsListening"] = false, ["supportsTts"] = false } },
        };
        return (await PostActivityAsync(activity, conversationId), clientActivityId);
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? conversationId = null)
    {
        using var request = Request(HttpMethod.Post, $"{Domain}/conversations/{conversationId ?? ConversationId}/activities");
        request.Content = Json(activity);
        return await http.SendAsync(request);
    }

    /// <summary>One poll: the activities after the current watermark; advances the watermark.</summary>
    public async Task<IReadOnlyList<JsonElement>> PollAsync()
    {
        using var request = Request(HttpMethod.Get, $"{Domain}/conversations/{ConversationId}/activities?watermark={Watermark}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Watermark = body.GetProperty("watermark").GetString();
        return [.. body.GetProperty("activities").EnumerateArray().Select(a => a.Clone())];
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.TryAddWithoutValidation("x-ms-bot-agent", BotAgent);
        return request;
    }
}

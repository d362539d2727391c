using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotTriage.Web.Tests.Support;

/// <summary>Builds incoming activities as a channel would send them, and posts them.</summary>
public static class Activities
{
    public static JsonObject Message(string text, string conversationId = "conv-1", string serviceUrl = "https://channel.test/", bool expectReplies = true, string locale = "nl-NL", string channelId = "webchat") => new()
    {
        ["type"] = "message",
        ["id"] = "in-" + Guid.NewGuid().ToString("N")[..8],
        ["timestamp"] = "2025-03-01T10:00:00Z",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Anna" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "BotTriage" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = locale,
        ["text"] = text,
        ["deliveryMode"] = expectReplies ? "expectReplies" : null,
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject activity) =>
        client.PostAsJsonAsync("/api/messages", activity);

    /// <summary>Posts with the given Authorization header value (none when null), as a channel would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonObject activity, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The activities of an expectReplies response.</summary>
    public static async Task<JsonElement[]> RepliesAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("activities").EnumerateArray()];
    }

    /// <summary>Posts with expectReplies and returns the reply activities.</summary>
    public static async Task<JsonElement[]> ExchangeAsync(this HttpClient client, string text, string conversationId = "conv-1", string locale = "nl-NL")
    {
        using var response = await client.PostAsync(Message(text, conversationId, locale: locale));
        response.EnsureSuccessStatusCode();
        return await response.RepliesAsync();
    }

    public static string? Text(this JsonElement activity) =>
        activity.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>The <c>value</c> of the <c>bottriage.outcome</c> event among <paramref name="replies"/>; fails when there is none.</summary>
    public static JsonElement Outcome(this IEnumerable<JsonElement> replies) =>
        replies.Single(r => r.GetProperty("type").GetString() == "event" && r.GetProperty("name").GetString() == "bottriage.outcome").GetProperty("value");

    /// <summary>The texts of the message replies, in order.</summary>
    public static string[] Texts(this IEnumerable<JsonElement> replies) =>
        [.. replies.Where(r => r.GetProperty("type").GetString() == "message").Select(r => r.Text() ?? "")];

    /// <summary>The string items of a JSON array.</summary>
    public static string[] Strings(this JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];
}

using Activity = BotTriage.Bot.Schema.Activity;
using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net.Http.Headers;
using System.Text.Json;
using BotTriage.Bot.Authentication;
using BotTriage.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Connector;

/// <summary>
/// Sends the bot's activities to the channel's Connector (swagger 3.1.12): <c>POST {serviceUrl}/v3/conversations/
/// {conversationId}/activities/{replyToId}</c>, or <c>.../activities</c> when not replying to anything. The path of
/// <c>serviceUrl</c> is kept (Teams uses <c>/amer/</c>), ids are escaped, and the bearer token comes from
/// <see cref="IAppCredentials"/> when it has one (no app id means no token, for local use).
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClientFactory, IAppCredentials credentials, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotTriage.Connector";

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public async Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildActivitiesUri(
            activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)),
            activity.ReplyToId);

        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity));
        body.Headers.ContentType = JsonMediaType;
        request.Content = body;
        var token = await credentials.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var started = Stopwatch.GetTimestamp();
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            ConnectorLog.Sent(logger, activity.Type, activity.Conversation.Id, (int)response.StatusCode, elapsed);
        }

        response.EnsureSuccessStatusCode();

        if (response.Content.Headers.ContentLength is 0)
        {
            return new ResourceResponse();
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return new ResourceResponse();
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, BotJsonContext.Default.ResourceResponse) ?? new ResourceResponse();
        }
        catch (JsonException)
        {
            // The activity was delivered; an answer we cannot read only costs us its id.
            return new ResourceResponse();
        }
    }

    /// <summary>The Connector URL for an activity, keeping <paramref name="serviceUrl"/>'s path and escaping the ids.</summary>
    public static Uri BuildActivitiesUri(string serviceUrl, string conversationId, string? replyToId)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        ArgumentNullException.ThrowIfNull(conversationId);
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(replyToId))
        {
            path += "/" + Uri.EscapeDataString(replyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }
}

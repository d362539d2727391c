using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// The Connector side of the built-in Direct Line, in process: the bot's <see cref="Bot.Connector.ConnectorClient"/>
/// POSTs its replies to <c>{serviceUrl}/v3/conversations/{id}/activities[/{activityId}]</c> as for any channel, and
/// when that serviceUrl and conversation belong to a live Direct Line conversation this handler appends the activity
/// to its log and answers <c>{id}</c> instead of sending it over the network. Everything else passes through.
/// </summary>
public sealed class DirectLineConnectorHandler(DirectLineConversationStore conversations, TimeProvider timeProvider) : DelegatingHandler
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method != HttpMethod.Post || request.RequestUri is null || request.Content is null || Match(request.RequestUri) is not { } conversation)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Activity? activity;
        try
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            activity = JsonSerializer.Deserialize(body, BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request };
        }

        var stored = conversation.Append(activity with { Conversation = new ConversationAccount { Id = conversation.Id } }, timeProvider.GetUtcNow());
        var answer = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new ResourceResponse(stored.Id), BotJsonContext.Default.ResourceResponse));
        answer.Headers.ContentType = JsonMediaType;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = answer, RequestMessage = request };
    }

    private DirectLineConversation? Match(Uri uri)
    {
        // .../v3/conversations/{conversationId}/activities[/{activityId}]
        var path = uri.AbsolutePath;
        var marker = path.LastIndexOf("/v3/conversations/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }

        var rest = path[(marker + "/v3/conversations/".Length)..].Split('/');
        if (rest.Length is < 2 or > 3 || rest[1] != "activities")
        {
            return null;
        }

        var conversation = conversations.TryGet(Uri.UnescapeDataString(rest[0]));
        if (conversation is null)
        {
            return null;
        }

        var serviceUrl = conversation.ServiceUrl.TrimEnd('/');
        var prefix = uri.GetLeftPart(UriPartial.Authority) + path[..marker];
        return string.Equals(prefix, serviceUrl, StringComparison.OrdinalIgnoreCase) ? conversation : null;
    }
}

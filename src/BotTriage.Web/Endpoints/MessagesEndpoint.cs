using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using BotTriage.Bot.Authentication;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Activity = BotTriage.Bot.Schema.Activity;

namespace BotTriage.Web.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint. In order: content type (415), size (413),
/// Activity JSON (400 with a problem body), channel authentication before anything runs (401/403), then the turn.
/// <c>callerId</c> comes from the authentication, never from the wire (A2251). Answers 200 with the replies for
/// <c>expectReplies</c>, the invoke's status for <c>invoke</c>, else an empty 200 once the replies were sent.
/// Rejected requests never reach the bot, so they cannot touch the conversation's state.
/// </summary>
public static class MessagesEndpoint
{
    public const int MaxBodyBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        // One logger for the endpoint, not one lookup in the factory (under its lock) per request.
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint));
        // Short-circuited: routing runs the endpoint at once. The middleware behind it is the therapist workspace's
        // (cookie authentication, authorization, antiforgery), the rate limits of pages anyone may call, and the chat
        // page's (headers, static files, WebSockets), none of which applies to a channel's POST, which authenticates
        // its bearer token in HandleAsync.
        app.MapPost(
            "/api/messages",
            (HttpRequest request, IChannelAuthenticator authenticator, ChannelAdapter adapter, IBot bot, CancellationToken cancellationToken) =>
                HandleAsync(request, authenticator, adapter, bot, logger, cancellationToken))
            .ShortCircuit();
        return app;
    }

    internal static async Task<Results<Ok, JsonHttpResult<ExpectedReplies>, JsonHttpResult<JsonElement>, StatusCodeHttpResult, ProblemHttpResult>> HandleAsync(
        HttpRequest request,
        IChannelAuthenticator authenticator,
        ChannelAdapter adapter,
        IBot bot,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (!request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {MaxBodyBytes} bytes.");
        }

        // Sized by Content-Length when the client sent one (activities are a few hundred bytes), else for the limit.
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } declared ? (int)declared + 1 : MaxBodyBytes + 1);
        Activity? activity;
        try
        {
            var length = await ReadBoundedAsync(request.Body, buffer, cancellationToken);
            if (length > MaxBodyBytes)
            {
                return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {MaxBodyBytes} bytes.");
            }

            activity = JsonSerializer.Deserialize(buffer.AsSpan(0, length), BotJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed activity", "The body is not a valid Activity JSON document.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (Invalid(activity) is { } reason)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid activity", reason);
        }

        var authentication = await authenticator.AuthenticateAsync(request.Headers.Authorization, activity!.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!authentication.Succeeded)
        {
            WebLog.Rejected(logger, activity.ChannelId, activity.Conversation?.Id, authentication.StatusCode, authentication.FailureReason);
            var status = authentication.StatusCode == StatusCodes.Status403Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
            return Problem(status, status == StatusCodes.Status403Forbidden ? "Forbidden" : "Unauthorized", "The request's credentials were not accepted.");
        }

        var response = await adapter.ProcessActivityAsync(activity with { CallerId = authentication.CallerId, ChannelId = Channels.Shared(activity.ChannelId) }, bot, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            WebLog.Processed(logger, activity.Type, activity.Id, activity.ChannelId, activity.Conversation?.Id, response.Status, elapsed);
        }

        if (response.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // The turn was logged by the error handler; Bot Framework retries a 5xx.
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (response.Invoke is { } invoke)
        {
            return invoke.Body is { } body ? TypedResults.Json(body, BotJsonContext.Default.JsonElement, statusCode: invoke.Status) : TypedResults.StatusCode(invoke.Status);
        }

        return response.ExpectedReplies is { } replies
            ? TypedResults.Json(replies, BotJsonContext.Default.ExpectedReplies)
            : TypedResults.Ok();
    }

    private static string? Invalid(Activity? activity)
    {
        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return "The activity has no type.";
        }

        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return "The activity has no channelId or conversation id.";
        }

        var expectsReplies = string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        if (!expectsReplies && !activity.IsType(ActivityTypes.Invoke)
            && !(Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp)))
        {
            return "The activity has no serviceUrl to reply to.";
        }

        return null;
    }

    private static async Task<int> ReadBoundedAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        // Reads at most one byte past the limit: enough to know the body is too large without buffering all of it.
        // The buffer holds a declared Content-Length and one byte more; Kestrel ends the body at the declared length.
        var total = 0;
        var limit = Math.Min(MaxBodyBytes + 1, buffer.Length);
        while (total < limit)
        {
            var read = await body.ReadAsync(buffer.AsMemory(total, limit - total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

using System.Buffers;
using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Activity = BotTriage.Bot.Schema.Activity;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// The built-in Direct Line 3.0 endpoint under <c>/v3/directline</c>, with the page-facing <c>POST /api/chat/token</c>.
/// Every Direct Line call carries <c>Authorization: Bearer</c> with a token (or the secret, for
/// <c>/tokens/generate</c> and <c>/conversations</c>): no header is 401, a bad, expired or other conversation's token
/// 403. A visitor's activity is stamped, echoed into the log with its <c>channelData</c> (Web Chat's
/// <c>clientActivityID</c>), and run through the same adapter as <c>/api/messages</c>; the bot's replies come back
/// through the Connector path into the same log (<see cref="DirectLineConnectorHandler"/>).
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";
    public const string ChannelId = Channels.DirectLine;
    public const string BotId = "bottriage";
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly ChannelAccount Bot = new(BotId, "BotTriage", RoleTypes.Bot);

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/chat/token", CreateVisitorToken).RequireRateLimiting(RateLimits.VisitorTokens);
        var group = app.MapGroup(Prefix);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", Reconnect);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return app;
    }

    /// <summary>A token for a new anonymous visitor and a new conversation; no secret involved or revealed.</summary>
    internal static Ok<DirectLineConversationResponse> CreateVisitorToken(DirectLineTokenService tokens)
    {
        var userId = DirectLineTokenService.NewUserId();
        var conversationId = DirectLineTokenService.NewConversationId();
        var token = tokens.Issue(conversationId, userId, out _);
        return TypedResults.Ok(new DirectLineConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds, UserId: userId));
    }

    internal static async Task<Results<Ok<DirectLineConversationResponse>, ProblemHttpResult>> GenerateTokenAsync(HttpRequest request, DirectLineTokenService tokens, CancellationToken cancellationToken)
    {
        if (!tokens.HasSecret)
        {
            return Problem(StatusCodes.Status404NotFound, "Not enabled", "Token generation is off: no DirectLine:Secret is configured.");
        }

        var bearer = Bearer(request);
        if (bearer is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the Direct Line secret as a Bearer token.");
        }

        if (!tokens.IsSecret(bearer))
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The secret was not accepted.");
        }

        var (body, error) = await ReadAsync(request, DirectLineJsonContext.Default.DirectLineTokenRequest, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var userId = body?.User?.Id;
        if (userId is not null && (!userId.StartsWith("dl_", StringComparison.Ordinal) || userId.Length > 128))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid user id", "A user id must begin with dl_ and be at most 128 characters.");
        }

        var conversationId = DirectLineTokenService.NewConversationId();
        var token = tokens.Issue(conversationId, userId ?? DirectLineTokenService.NewUserId(), out _);
        return TypedResults.Ok(new DirectLineConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds));
    }

    internal static Results<Ok<DirectLineConversationResponse>, ProblemHttpResult> RefreshToken(HttpRequest request, DirectLineTokenService tokens)
    {
        if (Authorize(request, tokens, conversationId: null, out var granted) is { } failure)
        {
            return failure;
        }

        var token = tokens.Issue(granted.ConversationId, granted.UserId, out _);
        return TypedResults.Ok(new DirectLineConversationResponse(granted.ConversationId, token, (int)tokens.Lifetime.TotalSeconds));
    }

    internal static async Task<Results<Created<DirectLineConversationResponse>, Ok<DirectLineConversationResponse>, ProblemHttpResult>> StartConversationAsync(
        HttpRequest request,
        DirectLineTokenService tokens,
        DirectLineConversationStore conversations,
        ChannelAdapter adapter,
        IBot bot,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var bearer = Bearer(request);
        if (bearer is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Send a Direct Line token or secret as a Bearer token.");
        }

        var (body, error) = await ReadAsync(request, DirectLineJsonContext.Default.DirectLineTokenRequest, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        DirectLineToken granted;
        string token;
        if (tokens.IsSecret(bearer))
        {
            // With the secret a server starts a conversation of its own and gets a token for it.
            var userId = body?.User?.Id is { Length: > 0 and <= 128 } id && id.StartsWith("dl_", StringComparison.Ordinal) ? id : DirectLineTokenService.NewUserId();
            token = tokens.Issue(DirectLineTokenService.NewConversationId(), userId, out granted);
        }
        else if (tokens.Validate(bearer) is { } fromToken)
        {
            granted = fromToken;
            token = bearer;
        }
        else
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid or has expired.");
        }

        var (conversation, created) = conversations.GetOrCreate(granted.ConversationId, granted.UserId, ServiceUrl(request));
        var response = new DirectLineConversationResponse(conversation.Id, token, ExpiresIn(granted), StreamUrl(request, conversation.Id, token));
        if (!created)
        {
            return TypedResults.Ok(response);
        }

        var logger = loggerFactory.CreateLogger(typeof(DirectLineEndpoints));
        DirectLineLog.Started(logger, conversation.Id);

        // As Direct Line does for a token that carries the user: one conversationUpdate adding the bot and the user,
        // so the bot welcomes before the visitor types anything.
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = conversation.Id + "|start",
            Timestamp = DateTimeOffset.UtcNow,
            ChannelId = ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = new ChannelAccount(granted.UserId, role: RoleTypes.User),
            Recipient = Bot,
            Locale = body?.Locale,
            MembersAdded = [Bot, new ChannelAccount(granted.UserId)],
        };
        var recorder = new FailureRecordingBot(bot);
        await adapter.ProcessActivityAsync(update, recorder, cancellationToken);
        if (recorder.Failed)
        {
            DirectLineLog.TurnFailed(logger, conversation.Id);
        }

        return TypedResults.Created(Prefix + "/conversations/" + Uri.EscapeDataString(conversation.Id), response);
    }

    internal static Results<Ok<DirectLineConversationResponse>, ProblemHttpResult> Reconnect(string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, DirectLineConversationStore conversations)
    {
        if (Authorize(request, tokens, conversationId, out var granted) is { } failure)
        {
            return failure;
        }

        if (!TryParseWatermark(watermark, out var after))
        {
            return InvalidWatermark();
        }

        Find(conversations, granted, request, after);
        var token = Bearer(request)!;
        return TypedResults.Ok(new DirectLineConversationResponse(conversationId, token, ExpiresIn(granted), StreamUrl(request, conversationId, token)));
    }

    internal static Results<Ok<DirectLineActivitySet>, ProblemHttpResult> GetActivities(string conversationId, string? watermark, HttpRequest request, DirectLineTokenService tokens, DirectLineConversationStore conversations, TimeProvider timeProvider)
    {
        if (Authorize(request, tokens, conversationId, out var granted) is { } failure)
        {
            return failure;
        }

        if (!TryParseWatermark(watermark, out var after))
        {
            return InvalidWatermark();
        }

        var conversation = Find(conversations, granted, request, after);
        conversation.Touch(timeProvider.GetUtcNow());
        return TypedResults.Ok(conversation.Read(after, includeTyping: false));
    }

    internal static async Task<Results<Ok<ResourceResponse>, JsonHttpResult<ResourceResponse>, ProblemHttpResult>> PostActivityAsync(
        string conversationId,
        HttpRequest request,
        DirectLineTokenService tokens,
        DirectLineConversationStore conversations,
        ConversationStateStore states,
        ChannelAdapter adapter,
        IBot bot,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        if (Authorize(request, tokens, conversationId, out var granted) is { } failure)
        {
            return failure;
        }

        if (!request.HasJsonContentType())
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the activity as application/json.");
        }

        var (activity, error) = await ReadAsync(request, BotJsonContext.Default.Activity, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid activity", "The activity has no type.");
        }

        // The channel, not the client, says who and where: the token's user, this conversation, this service.
        var conversation = Find(conversations, granted, request, after: 0);
        var echo = conversation.Append(
            activity with
            {
                ChannelId = ChannelId,
                ServiceUrl = conversation.ServiceUrl,
                Conversation = new ConversationAccount { Id = conversation.Id },
                From = new ChannelAccount(granted.UserId, activity.From?.Name, RoleTypes.User),
                Recipient = Bot,
                CallerId = null,
                DeliveryMode = null,
            },
            timeProvider.GetUtcNow());

        var recorder = new FailureRecordingBot(bot);
        var logger = loggerFactory.CreateLogger(typeof(DirectLineEndpoints));
        await adapter.ProcessActivityAsync(echo, recorder, cancellationToken);
        if (recorder.Failed)
        {
            DirectLineLog.TurnFailed(logger, conversation.Id);
            return TypedResults.Json(new ResourceResponse(echo.Id), BotJsonContext.Default.ResourceResponse, statusCode: StatusCodes.Status502BadGateway);
        }

        if (recorder.Decision == TranscriptDecision.Discard
            && echo.IsType(ActivityTypes.Message)
            && await states.LoadAsync(ChannelId, conversation.Id, cancellationToken) is null)
        {
            // The person asked for their data to be deleted: everything before this request goes from the log too.
            conversation.EraseThrough(SequenceOf(echo.Id!) - 1);
            DirectLineLog.Erased(logger, conversation.Id);
        }

        return TypedResults.Ok(new ResourceResponse(echo.Id));
    }

    /// <summary>The WebSocket <c>streamUrl</c>: ActivitySets (typing included) as they arrive, empty frames to keep it open.</summary>
    internal static async Task<Results<EmptyHttpResult, ProblemHttpResult>> StreamAsync(
        string conversationId,
        string? t,
        string? watermark,
        HttpContext context,
        DirectLineTokenService tokens,
        DirectLineConversationStore conversations,
        ILoggerFactory loggerFactory)
    {
        var granted = tokens.Validate(t ?? Bearer(context.Request));
        if (granted is null || !string.Equals(granted.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid for this conversation.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Problem(StatusCodes.Status400BadRequest, "WebSocket expected", "Connect to the stream URL with a WebSocket.");
        }

        if (!TryParseWatermark(watermark, out var after))
        {
            return InvalidWatermark();
        }

        var conversation = Find(conversations, granted, context.Request, after);

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var reason = await DirectLineStream.RunAsync(socket, conversation, after, granted.ExpiresAt, context.RequestAborted);
        var logger = loggerFactory.CreateLogger(typeof(DirectLineEndpoints));
        if (logger.IsEnabled(LogLevel.Debug))
        {
            DirectLineLog.StreamClosed(logger, conversationId, reason);
        }

        return TypedResults.Empty;
    }

    // Checks the request's bearer token (for the conversation, when one is named) once; the grant is what it holds.
    private static ProblemHttpResult? Authorize(HttpRequest request, DirectLineTokenService tokens, string? conversationId, out DirectLineToken granted)
    {
        granted = null!;
        var bearer = Bearer(request);
        if (bearer is null)
        {
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "Send the Direct Line token as a Bearer token.");
        }

        if (tokens.Validate(bearer) is not { } valid)
        {
            return Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is not valid or has expired.");
        }

        granted = valid;
        return conversationId is not null && !string.Equals(granted.ConversationId, conversationId, StringComparison.Ordinal)
            ? Problem(StatusCodes.Status403Forbidden, "Forbidden", "The token is for another conversation.")
            : null;
    }

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length ? header[scheme.Length..].Trim() : null;
    }

    private static async Task<(T? Value, ProblemHttpResult? Error)> ReadAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (default, TooLarge());
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var total = 0;
            while (total <= MaxBodyBytes)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxBodyBytes + 1 - total), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            if (total > MaxBodyBytes)
            {
                return (default, TooLarge());
            }

            if (total == 0 || buffer.AsSpan(0, total).Trim(" \t\r\n"u8).IsEmpty)
            {
                return (default, null);
            }

            return (JsonSerializer.Deserialize(buffer.AsSpan(0, total), typeInfo), null);
        }
        catch (JsonException)
        {
            return (default, Problem(StatusCodes.Status400BadRequest, "Malformed body", "The body is not valid JSON of the expected shape."));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryParseWatermark(string? watermark, out long after)
    {
        after = 0;
        return string.IsNullOrEmpty(watermark) || (long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after) && after >= 0);
    }

    private static long SequenceOf(string activityId) =>
        long.Parse(activityId.AsSpan(activityId.LastIndexOf('|') + 1), NumberStyles.None, CultureInfo.InvariantCulture);

    private static int ExpiresIn(DirectLineToken token) => Math.Max(0, (int)(token.ExpiresAt - DateTimeOffset.UtcNow).TotalSeconds);

    private static string ServiceUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    private static string StreamUrl(HttpRequest request, string conversationId, string token)
    {
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
    }

    /// <summary>
    /// The conversation a valid token is for. One this process has no log of (it restarted, another instance started
    /// it, or it was idle too long) is picked up again: its log numbers what comes next after the watermark the client
    /// holds, so the client's next read finds it, and the bot carries on from the conversation's stored state.
    /// </summary>
    private static DirectLineConversation Find(DirectLineConversationStore conversations, DirectLineToken granted, HttpRequest request, long after) =>
        conversations.TryGet(granted.ConversationId)
        ?? conversations.GetOrCreate(granted.ConversationId, granted.UserId, ServiceUrl(request), after).Conversation;

    private static ProblemHttpResult InvalidWatermark() =>
        Problem(StatusCodes.Status400BadRequest, "Invalid watermark", "The watermark is not one this conversation gave out.");

    private static ProblemHttpResult TooLarge() =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"A body may be at most {MaxBodyBytes} bytes.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Builder;

// Log lines of the runtime. Ids, types and exception types only: never activity text, which is health data.
internal static partial class BuilderLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Turn failed: {ActivityType} {ActivityId} in {ChannelId} conversation {ConversationId}")]
    public static partial void TurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId, string? channelId, string? conversationId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Typing indicator to conversation {ConversationId} failed: {ExceptionType}")]
    public static partial void TypingFailed(ILogger logger, string? conversationId, string exceptionType);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "Could not send the error message to conversation {ConversationId}: {ExceptionType}")]
    public static partial void ApologyFailed(ILogger logger, string? conversationId, string exceptionType);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Transcript of {ChannelId} conversation {ConversationId}: {Decision}, {Count} activities")]
    public static partial void TranscriptFlushed(ILogger logger, string? channelId, string? conversationId, TranscriptDecision decision, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Turn of {ChannelId} conversation {ConversationId} failed: the state store is unavailable ({Reason}); answered 503 so the channel retries")]
    public static partial void StorageUnavailable(ILogger logger, string? channelId, string? conversationId, string reason);
}

using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Connector;

// Outbound calls: type, conversation id, status and time only; never the activity's text.
internal static partial class ConnectorLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Sent {ActivityType} to conversation {ConversationId}: {StatusCode} in {ElapsedMilliseconds:F1} ms")]
    public static partial void Sent(ILogger logger, string? activityType, string? conversationId, int statusCode, double elapsedMilliseconds);
}

namespace BotTriage.Web.DirectLine;

// The Direct Line endpoint's log lines: conversation ids and statuses, never activity content.
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId} started")]
    public static partial void Started(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Direct Line turn for conversation {ConversationId} failed")]
    public static partial void TurnFailed(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Direct Line conversation {ConversationId}: log erased on request")]
    public static partial void Erased(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Direct Line stream for conversation {ConversationId} closed: {Reason}")]
    public static partial void StreamClosed(ILogger logger, string conversationId, string reason);
}

using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Privacy;

// Privacy log lines: ids and counts only, never what the person wrote.
internal static partial class PrivacyLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Retention ({RetentionDays} days) deleted {Sessions} sessions, {States} conversation states and {Transcripts} idle transcripts")]
    public static partial void RetentionRun(ILogger logger, int retentionDays, int sessions, int states, int transcripts);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Retention run failed ({ErrorType}); retrying at the next period")]
    public static partial void RetentionFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Erased {ChannelId} conversation {ConversationId}: transcript {Transcript}, session {Session}")]
    public static partial void Erased(ILogger logger, string channelId, string conversationId, bool transcript, bool session);
}

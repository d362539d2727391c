using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Triage;

// The bot's log lines: ids, steps, turn numbers and counts; never what the person wrote.
internal static partial class TriageBotLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Welcomed {ChannelId} conversation {ConversationId} in {Culture}")]
    public static partial void Welcomed(ILogger logger, string channelId, string conversationId, string culture);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Turn {Turn} of {ChannelId} conversation {ConversationId}: {FromStep} -> {ToStep}, {ReplyCount} replies, durable {Durable}")]
    public static partial void Stepped(ILogger logger, int turn, string channelId, string conversationId, string? fromStep, string toStep, int replyCount, bool durable);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Conversation {ConversationId} was saved elsewhere first; re-running the turn (attempt {Attempt})")]
    public static partial void Conflict(ILogger logger, string conversationId, int attempt);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Triage result for conversation {ConversationId}: urgency {Urgency}, routes {Routes}")]
    public static partial void Outcome(ILogger logger, string conversationId, string urgency, string routes);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Information, Message = "Erased {ChannelId} conversation {ConversationId} on request")]
    public static partial void Erased(ILogger logger, string channelId, string conversationId);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Message to {ChannelId} conversation {ConversationId} delivered again after it was applied; not applied twice")]
    public static partial void Redelivered(ILogger logger, string channelId, string conversationId);
}

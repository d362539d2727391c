namespace BotTriage.Web.Hosting;

// The host's log lines: addresses, settings, ids and status codes; never request bodies, which hold health data.
internal static partial class WebLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "BotTriage listening on {Urls}; storage {Provider} at {Location}; channel authentication {Authentication}")]
    public static partial void Started(ILogger logger, string urls, string provider, string location, string authentication);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Rejected activity for {ChannelId} conversation {ConversationId}: {StatusCode} {Reason}")]
    public static partial void Rejected(ILogger logger, string? channelId, string? conversationId, int statusCode, string? reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "{ActivityType} {ActivityId} for {ChannelId} conversation {ConversationId}: {StatusCode} in {ElapsedMilliseconds:F1} ms")]
    public static partial void Processed(ILogger logger, string? activityType, string? activityId, string? channelId, string? conversationId, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Data-protection keys are encrypted at rest with the key from {Source} (key id {KeyId})")]
    public static partial void KeyRingEncrypted(ILogger logger, string source, string keyId);
}

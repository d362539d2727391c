using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Teams;

// Teams log lines: tenant and conversation ids and the reason; never what the person wrote.
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Refused {ActivityType} in Teams conversation {ConversationId} of tenant {TenantId}: {Reason}; nothing stored")]
    public static partial void Refused(ILogger logger, string? activityType, string? conversationId, string? tenantId, string reason);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Debug, Message = "Kept the language {Culture} chosen in Teams conversation {ConversationId}")]
    public static partial void LanguageChosen(ILogger logger, string culture, string? conversationId);
}

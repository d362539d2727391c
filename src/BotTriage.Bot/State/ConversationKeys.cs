namespace BotTriage.Bot.State;

/// <summary>The storage keys of the SDK's BotState: per conversation and per user, scoped by channel.</summary>
public static class ConversationKeys
{
    public static string Conversation(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";

    public static string User(string channelId, string userId) => $"{channelId}/users/{userId}";
}

namespace BotTriage.Bot.Schema;

/// <summary>The activity types of the Activity protocol; compared ordinally (A2010).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string Command = "command";
    public const string CommandResult = "commandResult";
}

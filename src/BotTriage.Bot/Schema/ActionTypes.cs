namespace BotTriage.Bot.Schema;

/// <summary>Card action types (A7350–A7371) the bot sends.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string MessageBack = "messageBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";
}

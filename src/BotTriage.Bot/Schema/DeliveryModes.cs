namespace BotTriage.Bot.Schema;

/// <summary>Values of <c>deliveryMode</c>: how the sender wants the replies delivered.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

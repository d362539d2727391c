namespace BotTriage.Bot.Schema;

/// <summary>Channel ids the bot treats specially.</summary>
public static class Channels
{
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Emulator = "emulator";
    public const string MsTeams = "msteams";
    public const string Test = "test";

    /// <summary>
    /// The constant for a channel id this bot knows (ordinal match), else the id itself: every stored record of a
    /// conversation then shares one string for its channel instead of holding the copy its activity was read into.
    /// </summary>
    public static string? Shared(string? channelId) => channelId switch
    {
        DirectLine => DirectLine,
        WebChat => WebChat,
        Emulator => Emulator,
        MsTeams => MsTeams,
        Test => Test,
        _ => channelId,
    };
}

namespace BotTriage.Bot.Schema;

/// <summary>Channel ids the bot treats specially.</summary>
public static class Channels
{
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Emulator = "emulator";
    public const string MsTeams = "msteams";
    public const string Test = "test";
}

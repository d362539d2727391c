namespace BotTriage.Bot.Schema;

/// <summary>Values of <c>role</c> on a <see cref="ChannelAccount"/>; used in transcripts (A7511).</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
}

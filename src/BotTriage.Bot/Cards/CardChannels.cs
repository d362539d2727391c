using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Cards;

/// <summary>The channels that render Adaptive Cards; every other channel gets the plain-text result.</summary>
public static class CardChannels
{
    public static bool ShowsCards(string? channelId) => channelId is Channels.WebChat or Channels.DirectLine or Channels.MsTeams or Channels.Emulator;
}

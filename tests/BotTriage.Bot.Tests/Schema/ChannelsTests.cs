using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Tests.Schema;

public class ChannelsTests
{
    [Theory]
    [InlineData("msteams", Channels.MsTeams)]
    [InlineData("emulator", Channels.Emulator)]
    [InlineData("webchat", Channels.WebChat)]
    [InlineData("directline", Channels.DirectLine)]
    public void A_known_channel_id_read_from_the_wire_becomes_the_one_shared_string(string wire, string constant)
    {
        var read = new string(wire.AsSpan());
        Assert.NotSame(constant, read);

        Assert.Same(constant, Channels.Shared(read));
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_channel_id_is_kept_as_it_came(string? wire)
    {
        Assert.Same(wire, Channels.Shared(wire));
    }
}

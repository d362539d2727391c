using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Tests.Schema;

public class ChannelsTests
{
    [Fact]
    public void A_known_channel_id_read_from_the_wire_becomes_the_one_shared_string()
    {
        // A loop, not theory data: the runner would hand the test copies of the constants.
        foreach (var constant in new[] { Channels.MsTeams, Channels.Emulator, Channels.WebChat, Channels.DirectLine, Channels.Test })
        {
            var read = new string(constant.AsSpan());
            Assert.NotSame(constant, read);

            Assert.Same(constant, Channels.Shared(read));
        }
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

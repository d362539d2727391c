using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Teams;

namespace BotTriage.Bot.Tests.Teams;

public sealed class TeamsActivityTests
{
    [Fact]
    public void ReadsTheTenantFromChannelDataFirst()
    {
        var activity = Read("""
            {"type":"message","channelId":"msteams","conversation":{"id":"a:1","tenantId":"from-conversation"},
             "channelData":{"tenant":{"id":"from-channel-data"}}}
            """);

        Assert.Equal("from-channel-data", TeamsActivity.TenantId(activity));
    }

    [Fact]
    public void FallsBackToTheConversationsTenant()
    {
        var activity = Read("""{"type":"message","channelId":"msteams","conversation":{"id":"a:1","tenantId":"t-1"},"channelData":{}}""");

        Assert.Equal("t-1", TeamsActivity.TenantId(activity));
    }

    [Fact]
    public void HasNoTenantWhenTeamsSaysNone()
    {
        Assert.Null(TeamsActivity.TenantId(Read("""{"type":"message","channelId":"msteams","conversation":{"id":"a:1"}}""")));
    }

    [Theory]
    [InlineData("""{"id":"a:1","conversationType":"personal"}""", true)]
    [InlineData("""{"id":"a:1"}""", true)]
    [InlineData("""{"id":"19:x@thread.v2","conversationType":"groupChat","isGroup":true}""", false)]
    [InlineData("""{"id":"19:x@thread.tacv2","conversationType":"channel"}""", false)]
    [InlineData("""{"id":"19:x","isGroup":true}""", false)]
    public void TellsAPersonalChatFromAGroup(string conversation, bool personal)
    {
        var activity = Read($$"""{"type":"message","channelId":"msteams","conversation":{{conversation}}}""");

        Assert.Equal(personal, TeamsActivity.IsPersonal(activity));
    }

    [Fact]
    public void SeesWhenAnUpdateAddsTheBotItself()
    {
        var install = Read("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"28:bot"},{"id":"29:user"}]}""");
        var colleague = Read("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:colleague"}]}""");

        Assert.True(TeamsActivity.AddsTheBot(install));
        Assert.False(TeamsActivity.AddsTheBot(colleague));
    }

    private static Activity Read(string json) => JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;
}

using BotTriage.Bot.Authentication;
using BotTriage.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Authentication;

public sealed class OpenIdMetadataCacheTests : IDisposable
{
    private readonly TestTokenIssuer _issuer = new();
    private readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        _issuer.Dispose();
    }

    [Fact]
    public async Task ReadsEndorsementsPerKey()
    {
        var cache = Create();
        _issuer.AddChannelKey("teams-only", ["msteams"]);

        var teamsOnly = await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, "teams-only", CancellationToken.None);

        Assert.Equal(["msteams"], teamsOnly!.Endorsements);
        Assert.True(teamsOnly.Endorses("msteams"));
        Assert.False(teamsOnly.Endorses("webchat"));
    }

    [Fact]
    public async Task RefreshesOnAnUnknownKeyIdOncePerInterval()
    {
        var cache = Create();
        await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);
        _issuer.AddChannelKey("rotated", ["msteams"]);

        var tooSoon = await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, "rotated", CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(6));
        var afterInterval = await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, "rotated", CancellationToken.None);
        var stillUnknown = await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, "made-up", CancellationToken.None);

        Assert.Null(tooSoon);
        Assert.NotNull(afterInterval);
        Assert.Null(stillUnknown);
        Assert.Equal(2, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task RefreshesWithinADay()
    {
        var cache = Create();
        await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(1));
        await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);
        var beforeRefresh = _issuer.KeySetRequests;
        _clock.Advance(TimeSpan.FromHours(23));
        await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);

        Assert.Equal(1, beforeRefresh);
        Assert.Equal(2, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task KeepsTheCachedKeysWhenARefreshFails()
    {
        var cache = Create();
        await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);
        _issuer.Unavailable = true;
        _clock.Advance(TimeSpan.FromDays(1));

        var key = await cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None);

        Assert.NotNull(key);
    }

    [Fact]
    public async Task FailsClearlyWhenNoKeysWereEverFetched()
    {
        var cache = Create();
        _issuer.Unavailable = true;

        var exception = await Assert.ThrowsAsync<OpenIdMetadataException>(
            () => cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, "any", CancellationToken.None));

        Assert.Contains(_issuer.ChannelMetadataUrl, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentFirstCallersShareOneFetch()
    {
        var cache = Create();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            cache.GetSigningKeyAsync(_issuer.ChannelMetadataUrl, _issuer.ChannelKey.KeyId, CancellationToken.None)));

        Assert.Equal(1, _issuer.MetadataRequests);
    }

    private OpenIdMetadataCache Create() =>
        new(_services.GetRequiredService<IHttpClientFactory>(), _clock, NullLogger<OpenIdMetadataCache>.Instance);
}

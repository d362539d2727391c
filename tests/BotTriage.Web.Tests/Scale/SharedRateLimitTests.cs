using System.Net;
using BotTriage.Testing;
using BotTriage.Web.Hosting;
using BotTriage.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Web.Tests.Scale;

/// <summary>
/// The limit on visitor tokens per client address behind a load balancer: two instances on one PostgreSQL database
/// allow an address the limit once between them, not once each. Both instances' clocks stand still in the middle of a
/// minute, so a test's requests never straddle two windows (the next window deletes the last one's counts).
/// </summary>
public sealed class SharedRateLimitTests : IDisposable
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.Create();
    private readonly BotTriageFactory[] _instances;

    public SharedRateLimitTests()
    {
        KeyValuePair<string, string?>[] settings =
        [
            .. _database.HostSettings,
            new("DirectLine:VisitorTokensPerMinute", "2"),
        ];
        var now = DateTimeOffset.UtcNow;
        var clock = new ManualTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 30, TimeSpan.Zero));
        _instances =
        [
            new BotTriageFactory { Settings = settings, TestServices = services => services.AddSingleton<TimeProvider>(clock) },
            new BotTriageFactory { Settings = settings, TestServices = services => services.AddSingleton<TimeProvider>(clock) },
        ];
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task AnAddressGetsTheLimitOnceAcrossBothInstances()
    {
        var first = await RequestTokenAsync(0, "203.0.113.5");
        var second = await RequestTokenAsync(1, "203.0.113.5");
        var third = await RequestTokenAsync(0, "203.0.113.5");
        var fourth = await RequestTokenAsync(1, "203.0.113.5");
        var otherAddress = await RequestTokenAsync(1, "198.51.100.7");

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, second.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, third.Response.StatusCode);
        Assert.InRange(int.Parse(third.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(StatusCodes.Status429TooManyRequests, fourth.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, otherAddress.Response.StatusCode);
    }

    [Fact]
    public async Task TheDatabaseHoldsDigestsNotAddresses()
    {
        await RequestTokenAsync(0, "203.0.113.5");
        await RequestTokenAsync(1, "2001:db8:1:2::10");

        var keys = await _database.ReadStringsAsync("SELECT key FROM rate_limit_counts ORDER BY key");
        string[] expected =
        [
            SharedWindowLimiter.Digest(RateLimits.VisitorTokens, "203.0.113.5"),
            SharedWindowLimiter.Digest(RateLimits.VisitorTokens, "2001:db8:1:2::/64"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys);
    }

    // A request as if from the given address (TestServer has none of its own).
    private Task<HttpContext> RequestTokenAsync(int instance, string address) =>
        _instances[instance].Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/chat/token";
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
}

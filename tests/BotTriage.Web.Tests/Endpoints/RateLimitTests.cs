using System.Net;
using System.Text.Json;
using BotTriage.Web.Hosting;
using BotTriage.Web.Tests.DirectLine;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Tests.Therapists;
using Microsoft.AspNetCore.Http;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>The limits per client address on visitor tokens and on the workspace's login form.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly BotTriageFactory _factory = new() { Settings = [new("DirectLine:VisitorTokensPerMinute", "2")] };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AnAddressOverItsVisitorTokensPerMinuteGets429WithRetryAfter()
    {
        var first = await RequestTokenAsync("203.0.113.5");
        var second = await RequestTokenAsync("203.0.113.5");
        var third = await RequestTokenAsync("203.0.113.5");

        Assert.Equal(StatusCodes.Status200OK, first.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, second.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, third.Response.StatusCode);
        Assert.InRange(int.Parse(third.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.StartsWith("application/problem+json", third.Response.ContentType, StringComparison.Ordinal);
        using var problem = await JsonDocument.ParseAsync(third.Response.Body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(problem.RootElement.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task AddressesAreCountedApartAndAnIPv6NetworkAsOne()
    {
        await RequestTokenAsync("203.0.113.5");
        await RequestTokenAsync("203.0.113.5");
        await RequestTokenAsync("2001:db8:1:2::10");
        await RequestTokenAsync("2001:db8:1:2::11");

        var otherIPv4 = await RequestTokenAsync("198.51.100.7");
        var sameIPv6Network = await RequestTokenAsync("2001:db8:1:2:ffff::1");
        var otherIPv6Network = await RequestTokenAsync("2001:db8:1:3::10");

        Assert.Equal(StatusCodes.Status200OK, otherIPv4.Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, sameIPv6Network.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, otherIPv6Network.Response.StatusCode);
    }

    [Fact]
    public async Task TheLimitIsOnNewVisitorsNotOnAConversationsOwnCalls()
    {
        var client = new DirectLineClient(_factory.CreateClient());
        await client.GetPageTokenAsync();
        await RequestTokenAsync(null);

        using var started = await client.StartConversationAsync(locale: "nl-NL");
        using var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", client.Token);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await RequestTokenAsync(null)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Fact]
    public async Task TheLoginFormAnswersAPageWith429BeyondItsAttemptsPerMinute()
    {
        using var factory = WorkspaceClient.CreateFactory(new KeyValuePair<string, string?>("Therapists:LoginAttemptsPerMinute", "2"));
        using var browser = factory.CreateBrowser();

        using var first = await browser.LoginAsync("anna", "fout");
        using var second = await browser.LoginAsync("bert", "fout");
        using var third = await browser.LoginAsync("anna", WorkspaceClient.TherapistPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal("text/html", third.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Te veel pogingen", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(third.Headers.Contains("Set-Cookie") && third.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.5")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::", "2001:db8:1:2::/64")]
    public void AClientKeyIsTheIPv4AddressOrTheIPv6Network(string address, string key) =>
        Assert.Equal(key, RateLimits.ClientKey(IPAddress.Parse(address)));

    // A request as if from the given address (TestServer has none of its own).
    private Task<HttpContext> RequestTokenAsync(string? address) =>
        _factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Post;
            context.Request.Path = "/api/chat/token";
            context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        });
}

using System.Net;
using BotTriage.Bot.Authentication;
using BotTriage.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Bot.Tests.Authentication;

public sealed class AppCredentialsTests : IDisposable
{
    private const string AppId = "5f2a9e3c-0d6b-4c4e-9f00-1a2b3c4d5e6f";
    private const string Tenant = "0a0b0c0d-1111-2222-3333-444455556666";

    private readonly RecordingHttpMessageHandler _tokenService = new((request, _) => FakeTokenService(request.RequestUri!));

    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        _providers.ForEach(p => p.Dispose());
        _tokenService.Dispose();
    }

    [Fact]
    public async Task WithoutAnAppIdThereIsNoToken()
    {
        var credentials = Create([]);

        var token = await credentials.GetTokenAsync(CancellationToken.None);

        Assert.Null(token);
        Assert.Empty(_tokenService.Requests);
    }

    [Fact]
    public async Task MultiTenantAsksTheBotFrameworkTenantForTheConnectorScopeOnceAndCaches()
    {
        var credentials = Create(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" });

        var tokens = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            tokens.Add(await credentials.GetTokenAsync(CancellationToken.None));
        }

        Assert.All(tokens, t => Assert.Equal("connector-token", t));
        var request = Assert.Single(TokenRequests);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        var form = ParseForm(request.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task SingleTenantAsksItsOwnTenant()
    {
        var credentials = Create(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = Tenant,
        });

        var token = await credentials.GetTokenAsync(CancellationToken.None);

        Assert.Equal("connector-token", token);
        var request = Assert.Single(TokenRequests);
        Assert.Equal($"https://login.microsoftonline.com/{Tenant}/oauth2/v2.0/token", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://api.botframework.com/.default", ParseForm(request.Body)["scope"]);
    }

    [Fact]
    public async Task UserAssignedManagedIdentityAsksForTheConnectorResourceWithItsClientId()
    {
        var credentials = Create(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = Tenant,
        });

        var first = await credentials.GetTokenAsync(CancellationToken.None);
        var second = await credentials.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-token", first);
        Assert.Equal("msi-token", second);
        var request = Assert.Single(_tokenService.Requests, r => r.Uri.Query.Contains("resource=", StringComparison.Ordinal));
        var query = ParseForm(request.Uri.Query.TrimStart('?'));
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal(AppId, query["client_id"]);
    }

    [Fact]
    public async Task MultiTenantWithoutAPasswordFailsClearly()
    {
        var credentials = Create(new() { ["MicrosoftAppId"] = AppId });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => credentials.GetTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppPassword", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Entra's token endpoint and the VM's managed-identity endpoint (IMDS), as far as MSAL needs them.</summary>
    private static HttpResponseMessage FakeTokenService(Uri uri)
    {
        if (uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return RecordingHttpMessageHandler.Json("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"connector-token"}""");
        }

        if (uri.Host != "169.254.169.254")
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        // MSAL first probes IMDS without a resource and expects IMDS's 400 for that.
        if (!uri.Query.Contains("resource=", StringComparison.Ordinal))
        {
            return RecordingHttpMessageHandler.Json("""{"error":"invalid_request"}""", HttpStatusCode.BadRequest);
        }

        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return RecordingHttpMessageHandler.Json(
            $$"""{"access_token":"msi-token","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer","client_id":"{{AppId}}"}""");
    }

    // MSAL may also ask for instance discovery; the fake answers 404 and MSAL falls back to its built-in metadata.
    private IEnumerable<RecordedRequest> TokenRequests =>
        _tokenService.Requests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));

    private static Dictionary<string, string> ParseForm(string? body) =>
        (body ?? string.Empty).Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty), StringComparer.Ordinal);

    private IAppCredentials Create(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddBotTriageChannelAuthentication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(AuthenticationServiceCollectionExtensions.TokenHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => _tokenService)

            // The handler outlives each client the factory hands MSAL; the test disposes it once at the end.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<IAppCredentials>();
    }
}

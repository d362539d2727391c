using BotTriage.Bot.Authentication;
using BotTriage.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Bot.Tests.Authentication;

public sealed class ChannelAuthenticatorTests : IDisposable
{
    private const string AppId = "5f2a9e3c-0d6b-4c4e-9f00-1a2b3c4d5e6f";
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const string Channel = "msteams";

    private readonly TestTokenIssuer _issuer = new();
    private readonly ServiceProvider _services;
    private readonly IChannelAuthenticator _authenticator;

    public ChannelAuthenticatorTests()
    {
        _services = Build(_issuer, new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" });
        _authenticator = _services.GetRequiredService<IChannelAuthenticator>();
    }

    public void Dispose()
    {
        _services.Dispose();
        _issuer.Dispose();
    }

    [Fact]
    public async Task AcceptsAValidChannelToken()
    {
        var token = _issuer.CreateChannelToken(AppId, ServiceUrl);

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.True(result.Identity!.IsAuthenticated);
        Assert.Equal(AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.False(_authenticator.IsAuthenticationDisabled);
    }

    [Fact]
    public async Task ComparesTheServiceUrlCaseInsensitivelyAndTheSchemeToo()
    {
        var token = _issuer.CreateChannelToken(AppId, "https://SMBA.trafficmanager.net/amer/");

        var result = await _authenticator.AuthenticateAsync("bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    public static TheoryData<string, Func<DateTimeOffset, TestTokenDescriptor>, string> RejectedChannelTokens => new()
    {
        { "wrong audience", _ => new() { Audience = "another-bot", ServiceUrl = ServiceUrl }, "Token audience is not the app id" },
        { "wrong issuer", _ => new() { Issuer = "https://api.example.com", Audience = AppId, ServiceUrl = ServiceUrl }, "Token issuer is not accepted" },
        {
            "expired beyond the skew",
            now => new() { Audience = AppId, ServiceUrl = ServiceUrl, NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-6) },
            "Token has expired"
        },
        {
            "not valid yet beyond the skew",
            now => new() { Audience = AppId, ServiceUrl = ServiceUrl, NotBefore = now.AddMinutes(6), Expires = now.AddHours(1) },
            "Token is not yet valid"
        },
        { "serviceurl mismatch", _ => new() { Audience = AppId, ServiceUrl = "https://evil.example.com/" }, "Token serviceurl claim does not match the activity's serviceUrl" },
        { "no serviceurl", _ => new() { Audience = AppId }, "Token has no serviceurl claim" },
        { "unknown kid", _ => new() { Audience = AppId, ServiceUrl = ServiceUrl, KeyId = "nobody-knows-this-key" }, "Token signing key is not published in the OpenID metadata" },
        { "PS256, an algorithm the channel does not use", _ => new() { Audience = AppId, ServiceUrl = ServiceUrl, Algorithm = SecurityAlgorithms.RsaSsaPssSha256 }, "Token signing algorithm is not allowed" },
    };

    [Theory]
    [MemberData(nameof(RejectedChannelTokens))]
    public async Task RejectsChannelTokensWith(string problem, Func<DateTimeOffset, TestTokenDescriptor> describe, string reason)
    {
        var token = _issuer.CreateToken(describe(DateTimeOffset.UtcNow));

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.False(result.Succeeded, problem);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal(reason, result.FailureReason);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task AcceptsATokenWithinTheFiveMinuteClockSkew()
    {
        var now = DateTimeOffset.UtcNow;
        var token = _issuer.CreateToken(new() { Audience = AppId, ServiceUrl = ServiceUrl, NotBefore = now.AddHours(-1), Expires = now.AddMinutes(-3) });

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task RejectsATokenSignedByAnotherKeyUnderAPublishedKeyId()
    {
        using var forger = new TestSigningKey(_issuer.ChannelKey.KeyId, TestTokenIssuer.DefaultEndorsements);
        var token = _issuer.CreateToken(new() { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = forger });

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("Token signature is invalid", result.FailureReason);
    }

    [Fact]
    public async Task RejectsWithForbiddenWhenTheKeyIsNotEndorsedForTheChannel()
    {
        var teamsOnly = _issuer.AddChannelKey("teams-only", ["msteams"]);
        var token = _issuer.CreateToken(new() { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = teamsOnly });

        var webchat = await _authenticator.AuthenticateAsync("Bearer " + token, "webchat", ServiceUrl, CancellationToken.None);
        var teams = await _authenticator.AuthenticateAsync("Bearer " + token, "msteams", ServiceUrl, CancellationToken.None);
        var noChannel = await _authenticator.AuthenticateAsync("Bearer " + token, null, ServiceUrl, CancellationToken.None);

        Assert.Equal(403, webchat.StatusCode);
        Assert.Equal("The signing key is not endorsed for the activity's channel", webchat.FailureReason);
        Assert.True(teams.Succeeded, teams.FailureReason);
        Assert.Equal(403, noChannel.StatusCode);
    }

    [Fact]
    public async Task RejectsAChannelTokenSignedByAKeyWithoutEndorsements()
    {
        var bare = _issuer.AddChannelKey("bare", null);
        var token = _issuer.CreateToken(new() { Audience = AppId, ServiceUrl = ServiceUrl, SigningKey = bare });

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.Equal(403, result.StatusCode);
    }

    [Theory]
    [InlineData(null, "No Authorization header")]
    [InlineData("", "No Authorization header")]
    [InlineData("Basic dXNlcjpwYXNz", "Authorization scheme must be Bearer")]
    [InlineData("Bearer", "Authorization scheme must be Bearer")]
    [InlineData("Bearer not-a-jwt", "Malformed token")]
    public async Task RejectsRequestsWithoutAUsableBearerToken(string? header, string reason)
    {
        var result = await _authenticator.AuthenticateAsync(header, Channel, ServiceUrl, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(reason, result.FailureReason);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task AcceptsEmulatorTokensByTheirVersionsAppIdClaim(string version)
    {
        var token = _issuer.CreateEmulatorToken(AppId, version);

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, "emulator", "http://localhost:57000", CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal("urn:botframework:azure", result.CallerId);
    }

    [Theory]
    [InlineData("1.0", "Emulator token appid claim does not match the app id")]
    [InlineData("2.0", "Emulator token azp claim does not match the app id")]
    public async Task RejectsEmulatorTokensForAnotherApp(string version, string reason)
    {
        var token = _issuer.CreateEmulatorToken("someone-elses-app", version);

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, "emulator", "http://localhost:57000", CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task RejectsAnEmulatorIssuerTokenSignedByAChannelKeyTheEmulatorMetadataDoesNotList()
    {
        var token = _issuer.CreateToken(new()
        {
            Issuer = TestTokenIssuer.EmulatorV1Issuer,
            Audience = AppId,
            AppId = AppId,
            Version = "1.0",
            SigningKey = _issuer.ChannelKey,
        });

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, "emulator", "http://localhost:57000", CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task AcceptsEmulatorTokensFromTheConfiguredTenant()
    {
        const string tenant = "0a0b0c0d-1111-2222-3333-444455556666";
        using var services = Build(_issuer, new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = tenant,
        });
        var token = _issuer.CreateToken(new()
        {
            Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
            Audience = AppId,
            AuthorizedParty = AppId,
            Version = "2.0",
            SigningKey = _issuer.EmulatorKey,
        });

        var result = await services.GetRequiredService<IChannelAuthenticator>()
            .AuthenticateAsync("Bearer " + token, "emulator", "http://localhost:57000", CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task FetchesTheMetadataOnceForManyValidations()
    {
        for (var i = 0; i < 5; i++)
        {
            var token = _issuer.CreateChannelToken(AppId, ServiceUrl);
            var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, _issuer.MetadataRequests);
        Assert.Equal(1, _issuer.KeySetRequests);
    }

    [Fact]
    public async Task WithoutAnAppIdARequestWithoutATokenIsAnonymous()
    {
        using var services = Build(_issuer, []);
        var authenticator = services.GetRequiredService<IChannelAuthenticator>();

        var result = await authenticator.AuthenticateAsync(null, "emulator", "http://localhost:57000", CancellationToken.None);

        Assert.True(authenticator.IsAuthenticationDisabled);
        Assert.True(result.Succeeded);
        Assert.Null(result.CallerId);
        Assert.False(result.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task WithoutAnAppIdARequestWithATokenIsStillRejected()
    {
        using var services = Build(_issuer, []);
        var token = _issuer.CreateChannelToken(AppId, ServiceUrl);

        var result = await services.GetRequiredService<IChannelAuthenticator>()
            .AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(0, _issuer.MetadataRequests);
    }

    [Fact]
    public async Task RejectsWhenTheSigningKeysCannotBeFetched()
    {
        _issuer.Unavailable = true;
        var token = _issuer.CreateChannelToken(AppId, ServiceUrl);

        var result = await _authenticator.AuthenticateAsync("Bearer " + token, Channel, ServiceUrl, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("Signing keys are unavailable", result.FailureReason);
    }

    internal static ServiceProvider Build(TestTokenIssuer issuer, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(issuer.MetadataSettings)
            .AddInMemoryCollection(settings)
            .Build();
        return new ServiceCollection()
            .AddLogging()
            .AddBotTriageChannelAuthentication(configuration)
            .BuildServiceProvider(validateScopes: true);
    }
}

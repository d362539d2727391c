using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BotTriage.Bot.Privacy;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Therapists;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>
/// Sign-in with an OpenID provider (as Entra ID) on the real host against an in-process fake provider: the
/// authorization-code flow with state, nonce and PKCE, id token validation, and app role mapping.
/// </summary>
public sealed partial class OpenIdConnectSignInTests : IDisposable
{
    private readonly FakeOpenIdProvider _provider = new();
    private readonly BotTriageFactory _factory;
    private readonly HttpClient _browser;

    public OpenIdConnectSignInTests()
    {
        _factory = _provider.CreateFactory();
        _browser = _factory.CreateBrowser();
    }

    public void Dispose()
    {
        _browser.Dispose();
        _factory.Dispose();
        _provider.Dispose();
    }

    private static IdTokenSpec Therapist => new() { Roles = ["Workspace.Therapist"] };

    [Fact]
    public async Task TheLoginPageOffersMicrosoftOnlyWhenConfigured()
    {
        using var plain = WorkspaceClient.CreateFactory();
        using var plainBrowser = plain.CreateBrowser();

        Assert.DoesNotContain("/therapists/login/oidc", await plainBrowser.GetStringAsync("/therapists/login"), StringComparison.Ordinal);
        using var start = await plainBrowser.GetAsync("/therapists/login/oidc");
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);

        var page = await _browser.GetStringAsync("/therapists/login");
        Assert.Contains("<a href=\"/therapists/login/oidc\">", page, StringComparison.Ordinal);
        Assert.Contains("Sign in with Microsoft", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATherapistSignsInWithMicrosoftAndReachesTheSessionList()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        Assert.Equal("openid profile", query["scope"].ToString());
        Assert.Equal("https://localhost/therapists/signin-oidc", query["redirect_uri"].ToString());
        Assert.True(query["state"].ToString().Length >= 43);
        Assert.True(query["nonce"].ToString().Length >= 43);
        Assert.NotEqual(query["state"].ToString(), query["nonce"].ToString());
        var cookie = Assert.Single(start.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TherapistWorkspace.OpenIdConnectStateCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("path=/therapists/signin-oidc", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(query["state"].ToString(), cookie, StringComparison.Ordinal);

        using var callback = await _browser.GetAsync(_provider.Authorize(start.Headers.Location!, Therapist));

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("/therapists", RefreshTarget(await callback.Content.ReadAsStringAsync()));
        using var list = await _browser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var html = await list.Content.ReadAsStringAsync();
        Assert.Contains("anna@praktijk.example", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/therapists/logout\"", html, StringComparison.Ordinal);
        using var admin = await _browser.GetAsync("/therapists/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("https://localhost/therapists/denied", admin.Headers.Location!.ToString(), StringComparison.Ordinal);
        var audit = await _factory.Get<IAuditLog>().ListAsync(0, 10, CancellationToken.None);
        Assert.Contains(audit, e => e is { Actor: "anna@praktijk.example", Action: "login" });
    }

    [Fact]
    public async Task SendsTheClientSecretAndThePkceVerifierToTheTokenEndpoint()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var challenge = QueryHelpers.ParseQuery(start.Headers.Location!.Query)["code_challenge"].ToString();
        var callbackUrl = _provider.Authorize(start.Headers.Location!, Therapist);

        using var callback = await _browser.GetAsync(callbackUrl);

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var request = Assert.Single(_provider.Handler.Requests, r => r.Uri.AbsoluteUri == FakeOpenIdProvider.TokenEndpoint);
        Assert.Equal(HttpMethod.Post, request.Method);
        var form = QueryHelpers.ParseQuery(request.Body);
        var verifier = form["code_verifier"].ToString();
        Assert.InRange(verifier.Length, 43, 128);
        Assert.Equal(challenge, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        Assert.DoesNotContain(verifier, start.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("authorization_code", form["grant_type"].ToString());
        Assert.Equal(FakeOpenIdProvider.ClientSecret, form["client_secret"].ToString());
        Assert.Equal(QueryHelpers.ParseQuery(callbackUrl.Query)["code"].ToString(), form["code"].ToString());
        Assert.Equal("https://localhost/therapists/signin-oidc", form["redirect_uri"].ToString());
    }

    [Fact]
    public async Task AnAdminRoleLandsOnTheAdminPage()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        using var callback = await _browser.GetAsync(_provider.Authorize(start.Headers.Location!, new IdTokenSpec { Roles = ["Workspace.Admin", "Other.Role"] }));

        Assert.Equal("/therapists/admin", RefreshTarget(await callback.Content.ReadAsStringAsync()));
        using var admin = await _browser.GetAsync("/therapists/admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        using var list = await _browser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public async Task RefusesAWrongState()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var callback = _provider.Authorize(start.Headers.Location!, Therapist);
        var tampered = QueryHelpers.AddQueryString("https://localhost/therapists/signin-oidc", new Dictionary<string, string?>
        {
            ["code"] = QueryHelpers.ParseQuery(callback.Query)["code"].ToString(),
            ["state"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)),
        });

        await AssertRefusedAsync(new Uri(tampered), HttpStatusCode.BadRequest, "login-failed:state");
        Assert.DoesNotContain(_provider.Handler.Requests, r => r.Uri.AbsoluteUri == FakeOpenIdProvider.TokenEndpoint);
    }

    [Fact]
    public async Task UsesTheStateOnlyOnce()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var callback = _provider.Authorize(start.Headers.Location!, Therapist);
        using (var first = await _browser.GetAsync(callback))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var logout = await _browser.PostFormAsync("/therapists/logout", await _browser.TokenAsync("/therapists"));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        await AssertRefusedAsync(callback, HttpStatusCode.BadRequest, "login-failed:state");
    }

    [Fact]
    public async Task RefusesACallbackWithoutTheStateCookie()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var callback = _provider.Authorize(start.Headers.Location!, Therapist);
        using var otherBrowser = _factory.CreateBrowser();

        using var response = await otherBrowser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var list = await otherBrowser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public Task RefusesAWrongNonce() =>
        AssertTokenRefusedAsync(Therapist with { Nonce = "another-nonce" }, "login-failed:nonce");

    [Fact]
    public Task RefusesAWrongAudience() =>
        AssertTokenRefusedAsync(Therapist with { Audience = "another-client" }, "login-failed:id-token");

    [Fact]
    public Task RefusesAWrongIssuer() =>
        AssertTokenRefusedAsync(Therapist with { Issuer = "https://login.provider.test/tenant-2/v2.0" }, "login-failed:id-token");

    [Fact]
    public Task RefusesAnExpiredToken() =>
        AssertTokenRefusedAsync(Therapist with { NotBefore = DateTimeOffset.UtcNow.AddHours(-2), Expires = DateTimeOffset.UtcNow.AddMinutes(-10) }, "login-failed:id-token");

    [Fact]
    public async Task RefusesATokenSignedByAnotherKey()
    {
        using var other = new TestSigningKey(_provider.Key.KeyId, null);

        await AssertTokenRefusedAsync(Therapist with { SigningKey = other }, "login-failed:id-token");
    }

    [Fact]
    public async Task RefusesAUserWithoutAMappedRole()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var callback = _provider.Authorize(start.Headers.Location!, new IdTokenSpec { Roles = ["Other.Role", "therapist"] });

        var html = await AssertRefusedAsync(callback, HttpStatusCode.Forbidden, "login-failed:no-role");
        Assert.Contains("Access denied", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesWhenTheTokenEndpointFails()
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var callback = _provider.Authorize(start.Headers.Location!, Therapist);
        var wrongCode = QueryHelpers.AddQueryString("https://localhost/therapists/signin-oidc", new Dictionary<string, string?>
        {
            ["code"] = "unknown-code",
            ["state"] = QueryHelpers.ParseQuery(callback.Query)["state"].ToString(),
        });

        await AssertRefusedAsync(new Uri(wrongCode), HttpStatusCode.BadGateway, "login-failed:token-endpoint");
    }

    [Theory]
    [InlineData("http://login.provider.test/tenant-1/v2.0")]
    [InlineData("not a url")]
    public void RejectsAnAuthorityThatIsNotHttpsAtStart(string authority)
    {
        using var factory = WorkspaceClient.CreateFactory(
            [.. FakeOpenIdProvider.Settings.Where(s => !s.Key.EndsWith(":Authority", StringComparison.Ordinal)), new("Therapists:OpenIdConnect:Authority", authority)]);

        var exception = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());
        Assert.Contains("Therapists:OpenIdConnect:Authority", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsAnHttpAuthorityOnLoopback()
    {
        using var factory = WorkspaceClient.CreateFactory(
            [.. FakeOpenIdProvider.Settings.Where(s => !s.Key.EndsWith(":Authority", StringComparison.Ordinal)), new("Therapists:OpenIdConnect:Authority", "http://127.0.0.1:5999/tenant-1/v2.0")]);

        using var client = factory.CreateClient();
        Assert.NotNull(client);
    }

    [Fact]
    public async Task EmptyOptionalSettingsTakeTheirDefaults()
    {
        using var factory = WorkspaceClient.CreateFactoryWithServices(
            _provider.Register,
            [
                .. FakeOpenIdProvider.Settings.Where(s => !s.Key.Contains(":RoleClaimValues:", StringComparison.Ordinal)),
                new("Therapists:OpenIdConnect:CallbackPath", ""),
                new("Therapists:OpenIdConnect:RoleClaimValues:Therapist", ""),
                new("Therapists:OpenIdConnect:RoleClaimValues:Admin", ""),
            ]);
        using var browser = factory.CreateBrowser();

        using var start = await browser.GetAsync("/therapists/login/oidc");
        Assert.Equal("https://localhost/therapists/signin-oidc", QueryHelpers.ParseQuery(start.Headers.Location!.Query)["redirect_uri"].ToString());
        using var callback = await browser.GetAsync(_provider.Authorize(start.Headers.Location!, new IdTokenSpec { Roles = [TherapistRoles.Therapist] }));

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        using var list = await browser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private static string RefreshTarget(string html)
    {
        var match = RefreshPattern().Match(html);
        Assert.True(match.Success, "The sign-in page moves on by itself.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private async Task AssertTokenRefusedAsync(IdTokenSpec spec, string action)
    {
        using var start = await _browser.GetAsync("/therapists/login/oidc");
        var html = await AssertRefusedAsync(_provider.Authorize(start.Headers.Location!, spec), HttpStatusCode.BadRequest, action);
        Assert.Contains("Sign-in with Microsoft failed", html, StringComparison.Ordinal);
    }

    /// <summary>The callback is refused with <paramref name="status"/>, nothing is signed in, and the audit names no one.</summary>
    private async Task<string> AssertRefusedAsync(Uri callback, HttpStatusCode status, string action)
    {
        var auditLog = _factory.Get<IAuditLog>();
        var loginsBefore = (await auditLog.ListAsync(0, 100, CancellationToken.None)).Count(e => e.Action == "login");

        using var response = await _browser.GetAsync(callback);

        Assert.Equal(status, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(TherapistWorkspace.CookieName + "=", StringComparison.Ordinal));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http-equiv=\"refresh\"", html, StringComparison.Ordinal);
        using var list = await _browser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("https://localhost/therapists/login", list.Headers.Location!.ToString(), StringComparison.Ordinal);
        var audit = await auditLog.ListAsync(0, 100, CancellationToken.None);
        Assert.Contains(audit, e => e is { Actor: TherapistWorkspace.OpenIdConnectAuditActor } && e.Action == action);
        Assert.Equal(loginsBefore, audit.Count(e => e.Action == "login"));
        return html;
    }

    [GeneratedRegex("<meta http-equiv=\"refresh\" content=\"0;url=([^\"]*)\">")]
    private static partial Regex RefreshPattern();
}

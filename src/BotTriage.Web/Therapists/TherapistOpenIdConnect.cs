using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BotTriage.Bot.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Sign-in with an OpenID Connect provider (Microsoft Entra ID) by the authorization-code flow with PKCE: the start
/// redirects to the provider with a random state, nonce and S256 code challenge kept in a short-lived protected
/// cookie; the callback checks the state once, redeems the code with the client secret and the code verifier,
/// validates the id token (signature against the published keys, issuer, audience, lifetime, nonce), maps its app
/// roles and signs in with the same cookie and claims as a password login. Tokens, codes and names are never logged.
/// </summary>
internal sealed class TherapistOpenIdConnect
{
    public const string HttpClientName = TherapistWorkspace.OpenIdConnectHttpClientName;
    public const string StartPath = "/therapists/login/oidc";
    public const string StateCookieName = TherapistWorkspace.OpenIdConnectStateCookieName;
    public const string AuditActor = TherapistWorkspace.OpenIdConnectAuditActor;

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    private readonly TherapistOpenIdConnectOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _configuration;
    private readonly IHttpClientFactory _clients;
    private readonly ITimeLimitedDataProtector _protector;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<TherapistOpenIdConnect> _logger;
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };

    public TherapistOpenIdConnect(
        IOptions<TherapistOptions> options,
        IHttpClientFactory clients,
        IDataProtectionProvider dataProtection,
        IAuditLog audit,
        TimeProvider time,
        ILogger<TherapistOpenIdConnect> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dataProtection);
        _options = options.Value.OpenIdConnect;
        _clients = clients;
        _audit = audit;
        _time = time;
        _logger = logger;
        _protector = dataProtection.CreateProtector("BotTriage.Therapists.OpenIdConnect.State.v1").ToTimeLimitedDataProtector();
        if (_options.IsEnabled)
        {
            var metadata = _options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
            _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(metadata, new OpenIdConnectConfigurationRetriever(), new OpenIdDocumentRetriever(clients));
        }
    }

    public bool IsEnabled => _configuration is not null;

    public string CallbackPath => _options.CallbackPath;

    /// <summary>Redirects to the provider's authorization endpoint, remembering state, nonce and verifier in a cookie.</summary>
    public async Task<IResult> StartAsync(HttpContext context, string? returnUrl)
    {
        if (_configuration is null)
        {
            return TypedResults.NotFound();
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configuration.GetConfigurationAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
        {
            return await FailAsync(context, "discovery", exception, StatusCodes.Status502BadGateway);
        }

        if (!Uri.TryCreate(configuration.AuthorizationEndpoint, UriKind.Absolute, out var authorize) || !TherapistOptionsValidator.IsAllowedEndpoint(authorize))
        {
            return await FailAsync(context, "discovery", null, StatusCodes.Status502BadGateway);
        }

        var state = new SignInState(Random(), Random(), Random(), RedirectUri(context), returnUrl);
        context.Response.Cookies.Append(StateCookieName, _protector.Protect(JsonSerializer.Serialize(state), StateLifetime), new CookieOptions
        {
            Path = _options.CallbackPath,
            HttpOnly = true,
            Secure = true,
            // The provider comes back with a cross-site top-level GET, which carries Lax cookies but not Strict ones.
            SameSite = SameSiteMode.Lax,
            MaxAge = StateLifetime,
            IsEssential = true,
        });

        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("client_id", _options.ClientId),
            new("response_type", "code"),
            new("redirect_uri", state.RedirectUri),
            new("response_mode", "query"),
            new("scope", "openid profile"),
            new("state", state.State),
            new("nonce", state.Nonce),
            new("code_challenge", Challenge(state.Verifier)),
            new("code_challenge_method", "S256"),
        });
        var separator = string.IsNullOrEmpty(authorize.Query) ? "?" : "&";
        return TypedResults.Redirect(authorize.AbsoluteUri + separator + query.Value![1..]);
    }

    /// <summary>Completes the sign-in the provider redirected back to, or shows why it was refused.</summary>
    public async Task<IResult> CallbackAsync(HttpContext context)
    {
        if (_configuration is null)
        {
            return TypedResults.NotFound();
        }

        // The state is good for one answer: the cookie goes whatever the outcome.
        var cookie = context.Request.Cookies[StateCookieName];
        context.Response.Cookies.Delete(StateCookieName, new CookieOptions { Path = _options.CallbackPath, HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax });
        var query = context.Request.Query;
        if (ReadState(cookie) is not { } state || !FixedEquals(state.State, query["state"].ToString()))
        {
            return await FailAsync(context, "state", null, StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(query["error"].ToString()) || string.IsNullOrEmpty(query["code"].ToString()))
        {
            return await FailAsync(context, "provider-error", null, StatusCodes.Status400BadRequest);
        }

        OpenIdConnectConfiguration configuration;
        string idToken;
        try
        {
            configuration = await _configuration.GetConfigurationAsync(context.RequestAborted);
            if (await RedeemAsync(configuration, query["code"].ToString(), state, context.RequestAborted) is not { } token)
            {
                return await FailAsync(context, "token-endpoint", null, StatusCodes.Status502BadGateway);
            }

            idToken = token;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException or JsonException)
        {
            return await FailAsync(context, "token-endpoint", exception, StatusCodes.Status502BadGateway);
        }

        var result = await ValidateAsync(idToken, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since they were cached; refresh (rate-limited) and try once more.
            _configuration.RequestRefresh();
            configuration = await _configuration.GetConfigurationAsync(context.RequestAborted);
            result = await ValidateAsync(idToken, configuration);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            TherapistLog.OpenIdConnectTokenRejected(_logger, result.Exception?.GetType().Name ?? "none");
            return await FailAsync(context, "id-token", null, StatusCodes.Status400BadRequest);
        }

        if (!jwt.TryGetPayloadValue<string>("nonce", out var nonce) || !FixedEquals(state.Nonce, nonce))
        {
            return await FailAsync(context, "nonce", null, StatusCodes.Status400BadRequest);
        }

        var name = Claim(jwt, "preferred_username") ?? Claim(jwt, "name");
        if (name is null)
        {
            return await FailAsync(context, "no-name", null, StatusCodes.Status400BadRequest);
        }

        var appRoles = jwt.Claims.Where(c => c.Type == "roles").Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var roles = new List<string>();
        if (appRoles.Contains(_options.RoleClaimValues.Therapist))
        {
            roles.Add(TherapistRoles.Therapist);
        }

        if (appRoles.Contains(_options.RoleClaimValues.Admin))
        {
            roles.Add(TherapistRoles.Admin);
        }

        if (roles.Count == 0)
        {
            await RecordFailureAsync(context, "no-role", null);
            return Html(TherapistPages.SignInRefused(), StatusCodes.Status403Forbidden);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await _audit.AppendAsync(new AuditEntry(_time.GetUtcNow(), name, "login"), context.RequestAborted);
        TherapistLog.OpenIdConnectLoggedIn(_logger);

        // The workspace cookie is SameSite=Strict, and a browser leaves it off a redirect that continues the
        // provider's cross-site navigation; a page of this site that moves on by itself starts a same-site one.
        var target = TherapistEndpoints.LandingPage(state.ReturnUrl, roles);
        return Html(TherapistPages.SignedIn(target));
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static bool FixedEquals(string expected, string? actual) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static string? Claim(JsonWebToken jwt, string type) =>
        jwt.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private string RedirectUri(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}{_options.CallbackPath}";

    private SignInState? ReadState(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SignInState>(_protector.Unprotect(cookie, out _));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private async Task<string?> RedeemAsync(OpenIdConnectConfiguration configuration, string code, SignInState state, CancellationToken cancel)
    {
        if (!Uri.TryCreate(configuration.TokenEndpoint, UriKind.Absolute, out var endpoint) || !TherapistOptionsValidator.IsAllowedEndpoint(endpoint))
        {
            return null;
        }

        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", state.RedirectUri),
            new("client_id", _options.ClientId),
            new("client_secret", _options.ClientSecret),
            new("code_verifier", state.Verifier),
        ]);
        using var client = _clients.CreateClient(HttpClientName);
        using var response = await client.PostAsync(endpoint, form, cancel);
        if (!response.IsSuccessStatusCode)
        {
            TherapistLog.OpenIdConnectTokenEndpointFailed(_logger, (int)response.StatusCode);
            return null;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancel));
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id_token", out var token)
            && token.ValueKind == JsonValueKind.String
            ? token.GetString()
            : null;
    }

    private Task<TokenValidationResult> ValidateAsync(string idToken, OpenIdConnectConfiguration configuration) =>
        _tokens.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidateIssuer = true,
            ValidAudience = _options.ClientId,
            ValidateAudience = true,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            ValidAlgorithms = Algorithms,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
        });

    private async Task<IResult> FailAsync(HttpContext context, string reason, Exception? exception, int status)
    {
        await RecordFailureAsync(context, reason, exception);
        return Html(TherapistPages.SignInFailed(), status);
    }

    private async Task RecordFailureAsync(HttpContext context, string reason, Exception? exception)
    {
        TherapistLog.OpenIdConnectFailed(_logger, reason, exception?.GetType().Name ?? "none");
        await _audit.AppendAsync(new AuditEntry(_time.GetUtcNow(), AuditActor, "login-failed:" + reason), context.RequestAborted);
    }

    /// <summary>What the callback needs to trust the provider's answer; protected and time-limited in the state cookie.</summary>
    private sealed record SignInState(string State, string Nonce, string Verifier, string RedirectUri, string? ReturnUrl);
}

using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// Validates inbound bearer tokens as the Bot Framework SDK's JwtTokenValidation does (PROTOCOL.md section 2):
/// Emulator tokens by their Entra issuers and <c>appid</c>/<c>azp</c>; every other token as a channel token from
/// Azure Bot Service, whose signing key must endorse the activity's channel and whose <c>serviceurl</c> claim must
/// match the activity. Without an app id, only requests without an Authorization header pass, as anonymous.
/// </summary>
public sealed partial class ChannelAuthenticator : IChannelAuthenticator
{
    /// <summary>The caller id the SDK stamps on activities from Azure Bot Service (public cloud).</summary>
    public const string AzureCallerId = "urn:botframework:azure";

    /// <summary>The only issuer of channel tokens.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // The Emulator's app registrations (d6d49420, f8cdef31) and the Entra tenant the Agents samples add (69e9b82d).
    private static readonly string[] EmulatorTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly OpenIdMetadataCache _metadata;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly HashSet<string> _emulatorIssuers;
    private readonly JsonWebTokenHandler _handler = new();

    public ChannelAuthenticator(
        IOptions<BotFrameworkAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
        : this(
            options,
            new OpenIdMetadataCache(httpClientFactory, timeProvider, CreateLogger<OpenIdMetadataCache>(loggerFactory)),
            CreateLogger<ChannelAuthenticator>(loggerFactory))
    {
    }

    internal ChannelAuthenticator(IOptions<BotFrameworkAuthenticationOptions> options, OpenIdMetadataCache metadata, ILogger<ChannelAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metadata = metadata;
        _logger = logger;
        var tenants = EmulatorTenants.ToList();
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            tenants.Add(_options.MicrosoftAppTenantId.Trim());
        }

        _emulatorIssuers = new HashSet<string>(
            tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }),
            StringComparer.Ordinal);
    }

    public bool IsAuthenticationDisabled => _options.IsAuthenticationDisabled;

    public async Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var result = await AuthenticateCoreAsync(authorizationHeader, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            LogAccepted(_logger, channelId ?? string.Empty, result.Identity?.IsAuthenticated == true);
        }
        else
        {
            LogRejected(_logger, result.StatusCode, result.FailureReason ?? string.Empty, channelId ?? string.Empty);
        }

        return result;
    }

    private async Task<ChannelAuthenticationResult> AuthenticateCoreAsync(
        string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            // As the SDK: only a request without any token is let through when no app id is configured.
            return IsAuthenticationDisabled
                ? ChannelAuthenticationResult.Anonymous
                : ChannelAuthenticationResult.Fail(401, "No Authorization header");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Fail(401, "Authorization scheme must be Bearer");
        }

        if (IsAuthenticationDisabled)
        {
            // The SDK validates a token it is given even without an app id, and it always fails: there is no audience or
            // appid to match. Saying so directly avoids a key fetch that cannot change the outcome.
            return ChannelAuthenticationResult.Fail(401, "A token was sent but no MicrosoftAppId is configured to validate it against");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(parts[1]);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return ChannelAuthenticationResult.Fail(401, "Malformed token");
        }

        // Checked before any key lookup so a token in another family (HS256, PS256, none) is named as such.
        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return ChannelAuthenticationResult.Fail(401, "Token signing algorithm is not allowed");
        }

        try
        {
            return _emulatorIssuers.Contains(token.Issuer)
                ? await ValidateEmulatorTokenAsync(parts[1], token, cancellationToken).ConfigureAwait(false)
                : await ValidateChannelTokenAsync(parts[1], token, channelId, serviceUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenIdMetadataException exception)
        {
            LogKeysUnavailable(_logger, exception.Message);
            return ChannelAuthenticationResult.Fail(401, "Signing keys are unavailable");
        }
    }

    private async Task<ChannelAuthenticationResult> ValidateChannelTokenAsync(
        string rawToken, JsonWebToken token, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        var (key, failure) = await FindKeyAsync(_options.ChannelOpenIdMetadataUrl, token, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return failure!;
        }

        var parameters = CreateParameters(key);
        parameters.ValidIssuer = ChannelTokenIssuer;
        parameters.ValidateAudience = true;
        parameters.ValidAudience = _options.MicrosoftAppId;
        var validated = await _handler.ValidateTokenAsync(rawToken, parameters).ConfigureAwait(false);
        if (!validated.IsValid)
        {
            return ChannelAuthenticationResult.Fail(401, Describe(validated.Exception));
        }

        if (!key.Endorses(channelId))
        {
            return ChannelAuthenticationResult.Fail(403, "The signing key is not endorsed for the activity's channel");
        }

        var serviceUrlClaim = validated.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim))
        {
            return ChannelAuthenticationResult.Fail(401, "Token has no serviceurl claim");
        }

        if (!string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return ChannelAuthenticationResult.Fail(401, "Token serviceurl claim does not match the activity's serviceUrl");
        }

        return Success(validated.ClaimsIdentity);
    }

    private async Task<ChannelAuthenticationResult> ValidateEmulatorTokenAsync(string rawToken, JsonWebToken token, CancellationToken cancellationToken)
    {
        var (key, failure) = await FindKeyAsync(_options.EmulatorOpenIdMetadataUrl, token, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return failure!;
        }

        // As the SDK's EmulatorValidation: the audience is not checked; the app id claim for the token version is.
        // Entra keys carry no endorsements, so none are required on this path.
        var parameters = CreateParameters(key);
        parameters.ValidIssuers = _emulatorIssuers;
        parameters.ValidateAudience = false;
        var validated = await _handler.ValidateTokenAsync(rawToken, parameters).ConfigureAwait(false);
        if (!validated.IsValid)
        {
            return ChannelAuthenticationResult.Fail(401, Describe(validated.Exception));
        }

        var version = validated.ClaimsIdentity.FindFirst("ver")?.Value;
        var appIdClaim = version switch
        {
            null or "" or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appIdClaim is null)
        {
            return ChannelAuthenticationResult.Fail(401, "Unknown Emulator token version");
        }

        if (!string.Equals(validated.ClaimsIdentity.FindFirst(appIdClaim)?.Value, _options.MicrosoftAppId, StringComparison.Ordinal))
        {
            return ChannelAuthenticationResult.Fail(401, $"Emulator token {appIdClaim} claim does not match the app id");
        }

        return Success(validated.ClaimsIdentity);
    }

    private async Task<(OpenIdSigningKey? Key, ChannelAuthenticationResult? Failure)> FindKeyAsync(
        string metadataUrl, JsonWebToken token, CancellationToken cancellationToken)
    {
        // Endorsements belong to one key, so a token must say which key signed it.
        if (string.IsNullOrEmpty(token.Kid))
        {
            return (null, ChannelAuthenticationResult.Fail(401, "Token has no key id"));
        }

        var key = await _metadata.GetSigningKeyAsync(metadataUrl, token.Kid, cancellationToken).ConfigureAwait(false);
        return key is null
            ? (null, ChannelAuthenticationResult.Fail(401, "Token signing key is not published in the OpenID metadata"))
            : (key, null);
    }

    private static TokenValidationParameters CreateParameters(OpenIdSigningKey key) => new()
    {
        ValidateIssuer = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
    };

    private static ChannelAuthenticationResult Success(ClaimsIdentity identity) => new(true, 200, identity, AzureCallerId, null);

    /// <summary>A reason that is safe to log: the kind of failure, never the token or IdentityModel's message.</summary>
    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "Token has expired",
        SecurityTokenNotYetValidException => "Token is not yet valid",
        SecurityTokenNoExpirationException => "Token has no expiry",
        SecurityTokenInvalidLifetimeException => "Token lifetime is invalid",
        SecurityTokenInvalidAudienceException => "Token audience is not the app id",
        SecurityTokenInvalidIssuerException => "Token issuer is not accepted",
        SecurityTokenInvalidAlgorithmException => "Token signing algorithm is not allowed",
        SecurityTokenSignatureKeyNotFoundException => "Token signing key is not published in the OpenID metadata",
        SecurityTokenInvalidSignatureException => "Token signature is invalid",
        SecurityTokenMalformedException => "Malformed token",
        _ => "Token validation failed",
    };

    private static ILogger<T> CreateLogger<T>(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return loggerFactory.CreateLogger<T>();
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Debug, Message = "Request on channel {ChannelId} accepted (token: {HasToken})")]
    private static partial void LogAccepted(ILogger logger, string channelId, bool hasToken);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Warning, Message = "Request on channel {ChannelId} rejected with {StatusCode}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int statusCode, string reason, string channelId);

    [LoggerMessage(EventId = 1312, Level = LogLevel.Error, Message = "Signing keys unavailable: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string reason);
}

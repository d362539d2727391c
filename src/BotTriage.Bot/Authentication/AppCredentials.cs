using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// The bearer token for outbound Connector calls, from MSAL: client credentials for MultiTenant and SingleTenant apps,
/// a user-assigned managed identity for UserAssignedMSI. MSAL caches the token and renews it shortly before expiry.
/// Without an app id there is no token, and replies go out unauthenticated (Emulator and local use).
/// </summary>
public sealed partial class AppCredentials : IAppCredentials
{
    /// <summary>The scope of Bot Connector tokens.</summary>
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    /// <summary>The resource a managed identity requests a Bot Connector token for.</summary>
    public const string BotFrameworkResource = "https://api.botframework.com";

    /// <summary>The authority of multi-tenant bot apps.</summary>
    public const string MultiTenantAuthority = "https://login.microsoftonline.com/botframework.com";

    private readonly BotFrameworkAuthenticationOptions _options;
    private readonly IMsalHttpClientFactory _httpClientFactory;
    private readonly ILogger<AppCredentials> _logger;
    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire;

    public AppCredentials(IOptions<BotFrameworkAuthenticationOptions> options, IHttpClientFactory httpClientFactory, ILogger<AppCredentials> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _httpClientFactory = new MsalHttpClientFactory(httpClientFactory);
        _logger = logger;

        // One MSAL application for the life of the process: its in-memory cache is what keeps the token.
        _acquire = new(CreateAcquirer, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The authority MSAL uses for this app type, or null for a managed identity.</summary>
    public string? Authority => _options.IsAuthenticationDisabled ? null : _options.AppType switch
    {
        MicrosoftAppType.MultiTenant => MultiTenantAuthority,
        MicrosoftAppType.SingleTenant => $"https://login.microsoftonline.com/{_options.MicrosoftAppTenantId}",
        _ => null,
    };

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_options.IsAuthenticationDisabled)
        {
            return null;
        }

        try
        {
            var result = await _acquire.Value(cancellationToken).ConfigureAwait(false);
            LogTokenAcquired(_logger, result.AuthenticationResultMetadata.TokenSource, result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            // MSAL's error code says what is wrong (bad secret, unknown app) without including the secret.
            LogTokenFailed(_logger, exception.ErrorCode);
            throw;
        }
    }

    private Func<CancellationToken, Task<AuthenticationResult>> CreateAcquirer()
    {
        var appId = _options.MicrosoftAppId!.Trim();
        if (_options.AppType == MicrosoftAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                .WithHttpClientFactory(_httpClientFactory)
                .Build();
            return ct => identity.AcquireTokenForManagedIdentity(BotFrameworkResource).ExecuteAsync(ct);
        }

        if (string.IsNullOrEmpty(_options.MicrosoftAppPassword))
        {
            throw new InvalidOperationException($"MicrosoftAppType {_options.AppType} needs MicrosoftAppPassword to send replies.");
        }

        var application = ConfidentialClientApplicationBuilder
            .Create(appId)
            .WithAuthority(Authority)
            .WithClientSecret(_options.MicrosoftAppPassword)
            .WithHttpClientFactory(_httpClientFactory)
            .Build();
        string[] scopes = [BotFrameworkScope];
        return ct => application.AcquireTokenForClient(scopes).ExecuteAsync(ct);
    }

    [LoggerMessage(EventId = 1320, Level = LogLevel.Debug, Message = "Connector token from {TokenSource}, expires {ExpiresOn:O}")]
    private static partial void LogTokenAcquired(ILogger logger, TokenSource tokenSource, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Error, Message = "Connector token could not be acquired: {ErrorCode}")]
    private static partial void LogTokenFailed(ILogger logger, string errorCode);
}

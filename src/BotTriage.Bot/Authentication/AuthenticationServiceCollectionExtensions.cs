using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Authentication;

/// <summary>Registers inbound channel authentication and outbound app credentials.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>The named HttpClient that fetches OpenID metadata and signing keys.</summary>
    public const string OpenIdMetadataHttpClientName = "BotTriage.OpenIdMetadata";

    /// <summary>The named HttpClient MSAL uses for token requests.</summary>
    public const string TokenHttpClientName = "BotTriage.Token";

    /// <summary>
    /// Binds <see cref="BotFrameworkAuthenticationOptions"/> from the root keys <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>,
    /// <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c> and the <c>BotFramework</c> section (validated at start), and
    /// registers singleton <see cref="IChannelAuthenticator"/> and <see cref="IAppCredentials"/> with their HTTP clients.
    /// </summary>
    public static IServiceCollection AddBotTriageChannelAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Configure(options =>
            {
                // The SDK reads these at the configuration root, where Azure App Service settings put them.
                options.MicrosoftAppId = configuration["MicrosoftAppId"];
                options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"];
                options.MicrosoftAppType = configuration["MicrosoftAppType"];
                options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"];
            })
            .Bind(configuration.GetSection(BotFrameworkAuthenticationOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(OpenIdMetadataHttpClientName, client =>
        {
            // A slow key endpoint must not hold a request past the channel's 15-second limit.
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddHttpClient(TokenHttpClientName);

        services.TryAddSingleton(sp => new OpenIdMetadataCache(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OpenIdMetadataCache>>()));
        services.TryAddSingleton<IChannelAuthenticator>(sp => new ChannelAuthenticator(
            sp.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>(),
            sp.GetRequiredService<OpenIdMetadataCache>(),
            sp.GetRequiredService<ILogger<ChannelAuthenticator>>()));
        services.TryAddSingleton<IAppCredentials, AppCredentials>();
        return services;
    }
}

using BotTriage.Bot.Connector;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.DirectLine;

/// <summary>Registers the built-in Direct Line: its options, tokens, conversation logs, and the in-process Connector.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DirectLineOptions>()
            .Bind(configuration.GetSection(DirectLineOptions.SectionName))
            .Validate(options => DirectLineOptionsValidator.ValidateKey(options).Succeeded, "DirectLine:TokenSigningKey must be base64 of at least 32 bytes.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DirectLineTokenService>();
        services.TryAddSingleton<DirectLineConversationStore>();
        services.TryAddTransient<DirectLineConnectorHandler>();
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler<DirectLineConnectorHandler>();
        return services;
    }
}

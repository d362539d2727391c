using BotTriage.Bot.Authentication;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using BotTriage.Bot.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotTriage.Bot.Hosting.Placeholders;

// The registrations that the storage, channel-auth and engine branches replace when they are merged. The integrator
// swaps each call in BotTriageServiceCollectionExtensions.AddBotTriage for the real one and deletes this folder.
internal static class PlaceholderRegistrations
{
    public static IServiceCollection AddPlaceholderStorageUntilMerged(this IServiceCollection services)
    {
        services.TryAddSingleton<IStorage, PlaceholderMemoryStorage>();
        services.TryAddSingleton<ITranscriptStore, PlaceholderTranscriptStore>();
        return services;
    }

    public static IServiceCollection AddPlaceholderChannelAuthenticationUntilMerged(this IServiceCollection services)
    {
        services.TryAddSingleton<PlaceholderChannelAuthenticator>();
        services.TryAddSingleton<IChannelAuthenticator>(sp => sp.GetRequiredService<PlaceholderChannelAuthenticator>());
        services.TryAddSingleton<IAppCredentials>(sp => sp.GetRequiredService<PlaceholderChannelAuthenticator>());
        return services;
    }

    public static IServiceCollection AddPlaceholderTriageEngineUntilMerged(this IServiceCollection services)
    {
        services.TryAddSingleton<ITriageEngine, PlaceholderTriageEngine>();
        return services;
    }
}

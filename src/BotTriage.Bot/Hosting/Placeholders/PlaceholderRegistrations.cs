using BotTriage.Bot.Triage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BotTriage.Bot.Hosting.Placeholders;

// The registration that the engine branch replaces when it is merged. The integrator swaps the call in
// BotTriageServiceCollectionExtensions.AddBotTriage for the engine loaded from the dialogs and deletes this folder.
internal static class PlaceholderRegistrations
{
    public static IServiceCollection AddPlaceholderTriageEngineUntilMerged(this IServiceCollection services)
    {
        services.TryAddSingleton<ITriageEngine, PlaceholderTriageEngine>();
        return services;
    }
}

using BotTriage.Bot.Authentication;
using BotTriage.Bot.Builder;
using BotTriage.Bot.Cards;
using BotTriage.Bot.Connector;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Teams;
using BotTriage.Bot.Triage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Hosting;

/// <summary>
/// The bot's wiring, in one place: storage, channel auth and Teams (from their own folders' extensions), the turn
/// pipeline (turn lock, Teams gate, transcript, typing, in that order), the Connector client and the triage bot. The host registers the
/// validated <see cref="Core.Dialogs.DialogSet"/> the engine is built from.
/// </summary>
public static class BotTriageServiceCollectionExtensions
{
    public static IServiceCollection AddBotTriage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddBotTriageStorage(configuration);
        services.AddBotTriageChannelAuthentication(configuration);
        services.AddBotTriagePrivacy(configuration);
        services.AddTriageResultCards(configuration);
        services.AddBotTriageTeams(configuration);

        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ConnectorClient.HttpClientName);

        services.TryAddSingleton<KeyedAsyncLock>();
        services.TryAddSingleton<VolatileConversationCache>();
        services.TryAddSingleton(StorageServiceCollectionExtensions.SelectVolatileStore);
        services.TryAddSingleton<ConversationStateStore>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<TurnErrorHandler>();
        services.TryAddSingleton<ConversationTurnLockMiddleware>();
        services.TryAddSingleton<TranscriptLoggerMiddleware>();
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BotOptions>>().Value;
            return new ShowTypingMiddleware(
                TimeSpan.FromMilliseconds(options.TypingDelayMilliseconds),
                TimeSpan.FromMilliseconds(options.TypingPeriodMilliseconds),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<ShowTypingMiddleware>>());
        });
        services.TryAddSingleton(sp => new ChannelAdapter(
            sp.GetRequiredService<ConnectorClient>(),
            sp.GetRequiredService<TurnErrorHandler>(),
            Pipeline(sp)));
        // The engine needs the DialogSet, which the host loads and validates at start.
        services.TryAddSingleton<ITriageEngine, CoreTriageEngine>();
        services.TryAddSingleton<IBot, TriageBot>();
        return services;
    }

    /// <summary>The middleware of every turn, outermost first; the test adapter uses the same list.</summary>
    public static IReadOnlyList<IMiddleware> Pipeline(IServiceProvider services) =>
    [
        services.GetRequiredService<ConversationTurnLockMiddleware>(),
        services.GetRequiredService<TeamsGateMiddleware>(),
        services.GetRequiredService<TranscriptLoggerMiddleware>(),
        services.GetRequiredService<ShowTypingMiddleware>(),
    ];
}

using BotTriage.Bot.Security;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Storage;

/// <summary>Registers bot state and transcript storage for the provider named in <c>Storage:Provider</c>.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section (validated at start), and registers singleton
    /// <see cref="IStorage"/> and <see cref="ITranscriptStore"/> for the configured provider. With SQLite the database is
    /// opened and its schema created when the host starts, so a bad path fails the start, not the first turn.
    /// </summary>
    public static IServiceCollection AddBotTriageStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The provider is chosen when the services are first resolved, from the bound options, so a test host's
        // configuration overrides apply. PostgreSQL adds the cross-instance turn lock (ISharedTurnLock); SQLite
        // uses it to commit each turn's writes together.
        services.TryAddSingleton(sp => new SqliteDatabase(
            SqliteDatabase.GetConnectionString(sp.GetRequiredService<IOptions<StorageOptions>>().Value),
            sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.TryAddSingleton<SqliteStorage>();
        services.TryAddSingleton<SqliteTranscriptStore>();
        services.TryAddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString ?? "",
            sp.GetRequiredService<ILogger<PostgresDatabase>>()));
        services.TryAddSingleton<PostgresStorage>();
        services.TryAddSingleton<PostgresTranscriptStore>();
        services.TryAddSingleton<PostgresTurnLock>();
        services.TryAddSingleton<PostgresVolatileConversationStore>();
        services.TryAddSingleton<SqliteTurnWrites>();
        services.TryAddSingleton<ISharedTurnLock>(sp => SelectProvider(sp) switch
        {
            StorageOptions.SqliteProvider => sp.GetRequiredService<SqliteTurnWrites>(),
            StorageOptions.PostgresProvider => sp.GetRequiredService<PostgresTurnLock>(),
            _ => NoSharedTurnLock.Instance,
        });
        services.TryAddSingleton<MemoryStorage>();
        services.TryAddSingleton<MemoryTranscriptStore>();
        services.TryAddSingleton<IStorage>(sp => SelectProvider(sp) switch
        {
            StorageOptions.SqliteProvider => sp.GetRequiredService<SqliteStorage>(),
            StorageOptions.PostgresProvider => sp.GetRequiredService<PostgresStorage>(),
            _ => sp.GetRequiredService<MemoryStorage>(),
        });
        services.TryAddSingleton<ITranscriptStore>(sp => SelectProvider(sp) switch
        {
            StorageOptions.SqliteProvider => sp.GetRequiredService<SqliteTranscriptStore>(),
            StorageOptions.PostgresProvider => sp.GetRequiredService<PostgresTranscriptStore>(),
            _ => sp.GetRequiredService<MemoryTranscriptStore>(),
        });
        services.TryAddSingleton<SqliteKeyRingStore>();
        services.TryAddSingleton<PostgresKeyRingStore>();
        services.TryAddSingleton<SqliteLoginFailureStore>();
        services.TryAddSingleton<PostgresLoginFailureStore>();
        services.TryAddSingleton<PostgresRateLimitCounter>();
        services.TryAddSingleton<MemoryLoginFailureStore>();
        services.TryAddSingleton<ILoginFailureStore>(sp => SelectProvider(sp) switch
        {
            StorageOptions.SqliteProvider => sp.GetRequiredService<SqliteLoginFailureStore>(),
            StorageOptions.PostgresProvider => sp.GetRequiredService<PostgresLoginFailureStore>(),
            _ => sp.GetRequiredService<MemoryLoginFailureStore>(),
        });
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>
    /// The store for what waits for consent: shared in the database with PostgreSQL (any instance may take the next
    /// turn), else this instance's memory.
    /// </summary>
    public static IVolatileConversationStore SelectVolatileStore(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SelectProvider(services) == StorageOptions.PostgresProvider
            ? services.GetRequiredService<PostgresVolatileConversationStore>()
            : services.GetRequiredService<VolatileConversationCache>();
    }

    /// <summary>
    /// Where the web host keeps its data-protection keys: in the SQLite file or the PostgreSQL database, beside the
    /// conversations; null with the memory provider, whose host keeps ASP.NET Core's default (a folder of the user).
    /// </summary>
    public static IKeyRingStore? SelectKeyRingStore(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SelectProvider(services) switch
        {
            StorageOptions.SqliteProvider => services.GetRequiredService<SqliteKeyRingStore>(),
            StorageOptions.PostgresProvider => services.GetRequiredService<PostgresKeyRingStore>(),
            _ => null,
        };
    }

    /// <summary>
    /// Where limits per client address are counted: in the PostgreSQL database, which every instance shares; null with
    /// SQLite and memory, single-instance stores, whose host counts in its own memory.
    /// </summary>
    public static IRateLimitCounter? SelectRateLimitCounter(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return SelectProvider(services) == StorageOptions.PostgresProvider ? services.GetRequiredService<PostgresRateLimitCounter>() : null;
    }

    /// <summary>The normalised provider name; throws for an unknown one (also caught earlier by ValidateOnStart).</summary>
    public static string SelectProvider(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
        if (StorageProviderNames.Is(provider, StorageOptions.SqliteProvider))
        {
            return StorageOptions.SqliteProvider;
        }

        if (StorageProviderNames.Is(provider, StorageOptions.PostgresProvider))
        {
            return StorageOptions.PostgresProvider;
        }

        if (StorageProviderNames.Is(provider, StorageOptions.MemoryProvider))
        {
            return StorageOptions.MemoryProvider;
        }

        throw new OptionsValidationException(
            nameof(StorageOptions),
            typeof(StorageOptions),
            [$"Storage:Provider '{provider}' is not supported; use '{StorageOptions.SqliteProvider}', '{StorageOptions.PostgresProvider}' or '{StorageOptions.MemoryProvider}'."]);
    }
}

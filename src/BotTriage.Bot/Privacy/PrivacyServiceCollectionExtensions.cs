using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Privacy;

/// <summary>
/// Registers the therapist sessions, the audit log, erasure and the retention job. Sessions and audit live where
/// the conversation state lives: in the SQLite file or the PostgreSQL database when the state store is there, else
/// in memory.
/// </summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddBotTriagePrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SqliteSessionStore>();
        services.TryAddSingleton<MemorySessionStore>();
        services.TryAddSingleton<SqliteAuditLog>();
        services.TryAddSingleton<MemoryAuditLog>();
        services.TryAddSingleton<PostgresSessionStore>();
        services.TryAddSingleton<PostgresAuditLog>();
        services.TryAddSingleton<ISessionStore>(sp => sp.GetRequiredService<IStorage>() switch
        {
            SqliteStorage => sp.GetRequiredService<SqliteSessionStore>(),
            PostgresStorage => sp.GetRequiredService<PostgresSessionStore>(),
            _ => sp.GetRequiredService<MemorySessionStore>(),
        });
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<IStorage>() switch
        {
            SqliteStorage => sp.GetRequiredService<SqliteAuditLog>(),
            PostgresStorage => sp.GetRequiredService<PostgresAuditLog>(),
            _ => sp.GetRequiredService<MemoryAuditLog>(),
        });

        services.TryAddSingleton<SessionRecorder>();
        services.TryAddSingleton<ConversationEraser>();
        services.TryAddSingleton<RetentionSweeper>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}

using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BotTriage.Bot.Storage;

/// <summary>Opens the configured store when the host starts, so a missing or unwritable database stops the start.</summary>
internal sealed class StorageInitializer(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (StorageServiceCollectionExtensions.SelectProvider(services) == StorageOptions.SqliteProvider)
        {
            await services.GetRequiredService<SqliteDatabase>().InitializeAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (StorageServiceCollectionExtensions.SelectProvider(services) == StorageOptions.PostgresProvider)
        {
            // Every instance migrates at start; the migration's advisory lock makes simultaneous starts safe.
            await services.GetRequiredService<PostgresDatabase>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        // Resolving both stores here makes construction errors surface at start as well.
        _ = services.GetRequiredService<IStorage>();
        _ = services.GetRequiredService<ITranscriptStore>();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using BotTriage.Bot.Hosting;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.Security;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Storage.Postgres;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Storage.Postgres;

public sealed class PostgresStorageRegistrationTests
{
    [Fact]
    public async Task ThePostgresProviderUsesThePostgresStoresAndMigratesAtStart()
    {
        using var database = PostgresTestDatabase.Create();
        await using var services = Build(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = database.ConnectionString });

        await StartAsync(services);

        Assert.IsType<PostgresStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<PostgresTranscriptStore>(services.GetRequiredService<ITranscriptStore>());
        Assert.IsType<PostgresTurnLock>(services.GetRequiredService<ISharedTurnLock>());
        Assert.IsType<PostgresVolatileConversationStore>(services.GetRequiredService<IVolatileConversationStore>());
        Assert.IsType<PostgresSessionStore>(services.GetRequiredService<ISessionStore>());
        Assert.IsType<PostgresAuditLog>(services.GetRequiredService<IAuditLog>());
        Assert.IsType<PostgresKeyRingStore>(StorageServiceCollectionExtensions.SelectKeyRingStore(services));
        Assert.IsType<PostgresLoginFailureStore>(services.GetRequiredService<ILoginFailureStore>());
        Assert.True(await services.GetRequiredService<IStorage>().IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OtherProvidersKeepTheirStateInThisInstance()
    {
        await using var services = Build(new() { ["Storage:Provider"] = "memory" });

        await StartAsync(services);

        Assert.IsType<NoSharedTurnLock>(services.GetRequiredService<ISharedTurnLock>());
        Assert.IsType<VolatileConversationCache>(services.GetRequiredService<IVolatileConversationStore>());
        Assert.Null(StorageServiceCollectionExtensions.SelectKeyRingStore(services));
        Assert.IsType<MemoryLoginFailureStore>(services.GetRequiredService<ILoginFailureStore>());
    }

    [Theory]
    [InlineData(null, "Storage:ConnectionString must be set")]
    [InlineData("Database=bottriage", "names no Host")]
    [InlineData("Host=db;NoSuchKeyword=1", "not a valid PostgreSQL connection string")]
    public async Task ABadConnectionStringFailsAtStartNamingTheSetting(string? connectionString, string expected)
    {
        await using var services = Build(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = connectionString });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddBotTriage(configuration)
            .BuildServiceProvider(validateScopes: true);
    }

    private static async Task StartAsync(IServiceProvider services)
    {
        services.GetRequiredService<IStartupValidator>().Validate();
        foreach (var hostedService in services.GetServices<IHostedService>())
        {
            await hostedService.StartAsync(CancellationToken.None);
        }
    }
}

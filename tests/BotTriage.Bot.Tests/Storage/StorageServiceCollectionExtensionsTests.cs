using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SqliteIsTheDefaultAndItsFileIsCreatedInTheDataDirectoryAtStart()
    {
        await using var services = Build(new() { ["Storage:DataDirectory"] = _directory.Path });

        await StartAsync(services);

        Assert.IsType<SqliteStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<SqliteTranscriptStore>(services.GetRequiredService<ITranscriptStore>());
        Assert.IsType<SqliteTurnWrites>(services.GetRequiredService<ISharedTurnLock>());
        Assert.True(File.Exists(_directory.File("bottriage.db")));
    }

    [Fact]
    public async Task ConnectionStringTakesPrecedenceOverTheDataDirectory()
    {
        var path = _directory.File("elsewhere.db");
        await using var services = Build(new()
        {
            ["Storage:Provider"] = "SQLite",
            ["Storage:ConnectionString"] = $"Data Source={path}",
            ["Storage:DataDirectory"] = _directory.File("unused"),
        });

        await StartAsync(services);

        Assert.True(File.Exists(path));
        Assert.False(Directory.Exists(_directory.File("unused")));
    }

    [Fact]
    public async Task MemoryProviderUsesTheMemoryStores()
    {
        await using var services = Build(new() { ["Storage:Provider"] = "memory", ["Storage:MemorySlidingExpirationMinutes"] = "5" });

        await StartAsync(services);

        Assert.IsType<MemoryStorage>(services.GetRequiredService<IStorage>());
        Assert.IsType<MemoryTranscriptStore>(services.GetRequiredService<ITranscriptStore>());
        Assert.Equal(5, services.GetRequiredService<IOptions<StorageOptions>>().Value.MemorySlidingExpirationMinutes);
    }

    [Fact]
    public async Task AnUnknownProviderFailsAtStartNamingTheSetting()
    {
        await using var services = Build(new() { ["Storage:Provider"] = "mongo" });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider 'mongo' is not supported", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnwritableDataDirectoryFailsTheStart()
    {
        var blocker = _directory.File("a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        await using var services = Build(new() { ["Storage:DataDirectory"] = blocker });

        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(services));
    }

    [Fact]
    public void TheDefaultDataDirectoryIsUnderLocalApplicationData()
    {
        var options = new StorageOptions();

        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "BotTriage"),
            options.DataDirectory);
        Assert.Equal("sqlite", options.Provider);
        Assert.Equal(60, options.MemorySlidingExpirationMinutes);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddBotTriageStorage(configuration)
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

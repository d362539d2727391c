using BotTriage.Testing;
using BotTriage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotTriage.Web.Tests.Hosting;

/// <summary>What the host says when it starts: where it keeps its data, without errors, for each provider.</summary>
public sealed class StartLogTests
{
    [Fact]
    public void APostgresHostNamesItsDatabaseAndServer()
    {
        using var database = PostgresTestDatabase.Create();
        var logs = new CapturedLogs();
        using var factory = new BotTriageFactory
        {
            Settings = database.HostSettings,
            TestServices = services => services.AddSingleton<ILoggerProvider>(logs),
        };

        using var client = factory.CreateClient();

        var started = logs.WaitForOne(e => e.Message.StartsWith("BotTriage listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains($"storage postgres at database {database.Name} on 127.0.0.1", started.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Data-protection keys are encrypted at rest with the key from DataProtection:KeyEncryptionKey (key id ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public void ASqliteHostNamesItsFileAndKeyFile()
    {
        var logs = new CapturedLogs();
        using var factory = new BotTriageFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(logs) };

        using var client = factory.CreateClient();

        var started = logs.WaitForOne(e => e.Message.StartsWith("BotTriage listening on", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains($"storage sqlite at {factory.DatabasePath}", started.Message, StringComparison.Ordinal);
        var keyFile = Path.Combine(Path.GetDirectoryName(factory.DatabasePath)!, "keyring.key");
        Assert.Contains(logs.Entries, e => e.Message.StartsWith($"Data-protection keys are encrypted at rest with the key from {keyFile} (key id ", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}

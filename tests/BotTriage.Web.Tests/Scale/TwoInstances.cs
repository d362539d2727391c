using BotTriage.Bot.State;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Scale;

/// <summary>
/// Two hosts of the bot, each with its own services and connection pool, on one PostgreSQL database: what a load
/// balancer in front of two instances looks like to the database. Both run the scripted engine.
/// </summary>
public sealed class TwoInstances : IDisposable
{
    private readonly PostgresTestDatabase _database;
    private readonly BotTriageFactory[] _factories;

    public TwoInstances(PostgresTestCluster? cluster = null)
    {
        _database = PostgresTestDatabase.Create(cluster ?? PostgresTestCluster.Shared);
        Settings = new Dictionary<string, string?>(_database.HostSettings);
        _factories = [new BotTriageFactory { Settings = Settings }, new BotTriageFactory { Settings = Settings }];
        Clients = [.. _factories.Select(f => f.CreateClient())];
    }

    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>One client per instance; instance <c>i</c> is <c>Clients[i]</c>.</summary>
    public IReadOnlyList<HttpClient> Clients { get; }

    public BotTriageFactory this[int instance] => _factories[instance];

    /// <summary>The conversation's state as any instance loads it.</summary>
    public async Task<StoredConversation?> LoadAsync(string conversationId) =>
        await _factories[0].Get<ConversationStateStore>().LoadAsync("webchat", conversationId, CancellationToken.None);

    public void Dispose()
    {
        foreach (var client in Clients)
        {
            client.Dispose();
        }

        foreach (var factory in _factories)
        {
            factory.Dispose();
        }

        _database.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using BotTriage.Bot.Transcripts;
using BotTriage.Testing;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Scale;

/// <summary>
/// The database restarts while two instances are busy: turns that reach it while it is down are answered 503 and
/// retried by the channel, and nothing that was answered 200 is lost or applied twice.
/// </summary>
public sealed class DatabaseRestartTests : IDisposable
{
    private const int Conversations = 16;

    // A cluster of this test's own: stopping the shared one would fail every other PostgreSQL test running beside it.
    private readonly PostgresTestCluster _cluster = PostgresTestCluster.StartOwn();
    private readonly TwoInstances _instances;
    private readonly ConcurrentBag<HttpStatusCode> _refusals = [];

    public DatabaseRestartTests() => _instances = new TwoInstances(_cluster);

    public void Dispose()
    {
        _instances.Dispose();
        _cluster.Dispose();
    }

    [Fact]
    public async Task ARestartInTheMiddleOfARunLosesNothingThatWasAcknowledged()
    {
        await ForEachConversationAsync((n, id) => SendUntilAcceptedAsync(n, id, ["hoi", "ja", $"klacht {n}", "a"]));

        // The server stops while the next turns are in flight; a turn that arrives while it is down is refused.
        var rest = ForEachConversationAsync((n, id) => SendUntilAcceptedAsync(n + 1, id, ["b", "c", "d"]));
        await _cluster.StopAsync();
        using (var health = await _instances.Clients[0].GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("unhealthy: postgres storage unreachable", await health.Content.ReadAsStringAsync());
        }

        using (var refused = await _instances.Clients[1].PostAsync(Activities.Message("hoi", "conv-while-down")))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        await _cluster.StartAsync();
        await rest;

        Assert.DoesNotContain(_refusals, status => status != HttpStatusCode.ServiceUnavailable);
        using (var health = await _instances.Clients[1].GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("healthy: postgres storage reachable", await health.Content.ReadAsStringAsync());
        }

        var transcripts = _instances[0].Get<ITranscriptStore>();
        for (var n = 0; n < Conversations; n++)
        {
            var id = ConversationId(n);
            var said = (await _instances.LoadAsync(id))!.State.Answers["said"].Text!.Split('|');
            Assert.Equal(["ja", $"klacht {n}", "a", "b", "c", "d"], said);
            var activities = await transcripts.GetActivitiesAsync("webchat", id, CancellationToken.None);
            var userTexts = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.Text());
            Assert.Equal(["hoi", "ja", $"klacht {n}", "a", "b", "c", "d"], userTexts);
        }
    }

    private static string ConversationId(int n) => "conv-restart-" + n.ToString(CultureInfo.InvariantCulture);

    private static Task ForEachConversationAsync(Func<int, string, Task> run) =>
        Task.WhenAll(Enumerable.Range(0, Conversations).Select(n => run(n, ConversationId(n))));

    /// <summary>Sends each text in turn as the channel does: the same activity again after a 5xx, until it is answered 200.</summary>
    private async Task SendUntilAcceptedAsync(int instance, string conversationId, string[] texts)
    {
        foreach (var text in texts)
        {
            var activity = Activities.Message(text, conversationId);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                using var response = await _instances.Clients[instance % 2].PostAsync(activity);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                _refusals.Add(response.StatusCode);
                Assert.True(DateTime.UtcNow < deadline, $"{conversationId} was still refused after 60 seconds ({response.StatusCode}).");
                await Task.Delay(TimeSpan.FromMilliseconds(100));
                instance++;
            }
        }
    }
}

using System.Text.Json;
using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Tests.Storage;

/// <summary>The behaviour every <see cref="IStorage"/> provider must have; each provider's test class inherits it.</summary>
public abstract class StorageContractTests : IDisposable
{
    // A hung lock or busy database fails the test instead of hanging the run.
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private IStorage? _storage;

    protected IStorage Storage => _storage ??= CreateStorage();

    protected CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected abstract IStorage CreateStorage();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            (_storage as IDisposable)?.Dispose();
            _timeout.Dispose();
        }
    }

    protected static StoreItem Item(string json, string? etag = null) => new(JsonElement.Parse(json), etag);

    protected static Dictionary<string, StoreItem> Changes(string key, StoreItem item) => new() { [key] = item };

    [Fact]
    public async Task ReadingMissingKeysReturnsNothing()
    {
        var result = await Storage.ReadAsync(["test/conversations/missing", "other"], Token);

        Assert.Empty(result);
    }

    [Fact]
    public async Task WrittenJsonReadsBackExactly()
    {
        const string json = """{"step":"pain","culture":"nl-NL","answers":{"duur":"3 weken","score":7.50,"é":"\u00e9"},"list":[1,null,true]}""";

        await Storage.WriteAsync(Changes("test/conversations/c1", Item(json)), Token);
        var result = await Storage.ReadAsync(["test/conversations/c1", "test/conversations/c2"], Token);

        var item = Assert.Single(result);
        Assert.Equal("test/conversations/c1", item.Key);
        Assert.Equal(json, item.Value.Value.GetRawText());
        Assert.False(string.IsNullOrEmpty(item.Value.ETag));
    }

    [Fact]
    public async Task EveryWriteGetsANewETag()
    {
        var first = await Storage.WriteAsync(Changes("k", Item("""{"n":1}""")), Token);
        var second = await Storage.WriteAsync(Changes("k", Item("""{"n":2}""", first["k"])), Token);
        var third = await Storage.WriteAsync(Changes("k", Item("""{"n":3}""", "*")), Token);

        Assert.Equal(3, new[] { first["k"], second["k"], third["k"] }.Distinct().Count());
        var read = await Storage.ReadAsync(["k"], Token);
        Assert.Equal(third["k"], read["k"].ETag);
        Assert.Equal(3, read["k"].Value.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task WriteWithStaleETagThrowsAndKeepsTheStoredValue()
    {
        var first = await Storage.WriteAsync(Changes("k", Item("""{"n":1}""")), Token);
        await Storage.WriteAsync(Changes("k", Item("""{"n":2}""", first["k"])), Token);

        var exception = await Assert.ThrowsAsync<StorageConcurrencyException>(
            () => Storage.WriteAsync(Changes("k", Item("""{"n":3}""", first["k"])), Token));

        Assert.Equal("k", exception.Key);
        var read = await Storage.ReadAsync(["k"], Token);
        Assert.Equal(2, read["k"].Value.GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    [InlineData("")]
    public async Task StarOrMissingETagOverwritesUnconditionally(string? etag)
    {
        await Storage.WriteAsync(Changes("k", Item("""{"n":1}""")), Token);

        await Storage.WriteAsync(Changes("k", Item("""{"n":2}""", etag)), Token);

        var read = await Storage.ReadAsync(["k"], Token);
        Assert.Equal(2, read["k"].Value.GetProperty("n").GetInt32());
    }

    [Fact]
    public async Task NewKeyWithAnETagIsCreated()
    {
        var written = await Storage.WriteAsync(Changes("new", Item("""{"n":1}""", "some-etag")), Token);

        var read = await Storage.ReadAsync(["new"], Token);
        Assert.Equal(written["new"], read["new"].ETag);
    }

    [Fact]
    public async Task MultiKeyWriteWithOneStaleETagWritesNothing()
    {
        var a = await Storage.WriteAsync(Changes("a", Item("""{"v":"a1"}""")), Token);
        var b = await Storage.WriteAsync(Changes("b", Item("""{"v":"b1"}""")), Token);
        await Storage.WriteAsync(Changes("b", Item("""{"v":"b2"}""", b["b"])), Token);

        await Assert.ThrowsAsync<StorageConcurrencyException>(() => Storage.WriteAsync(
            new Dictionary<string, StoreItem>
            {
                ["a"] = Item("""{"v":"a2"}""", a["a"]),
                ["b"] = Item("""{"v":"b3"}""", b["b"]),
                ["c"] = Item("""{"v":"c1"}"""),
            },
            Token));

        var read = await Storage.ReadAsync(["a", "b", "c"], Token);
        Assert.Equal("a1", read["a"].Value.GetProperty("v").GetString());
        Assert.Equal("b2", read["b"].Value.GetProperty("v").GetString());
        Assert.False(read.ContainsKey("c"));
    }

    [Fact]
    public async Task ConcurrentWritersWithTheSameETagExactlyOneWins()
    {
        var initial = await Storage.WriteAsync(Changes("race", Item("""{"writer":-1}""")), Token);
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, 16).Select(i => Task.Run(
            async () =>
            {
                start.Wait(Token);
                try
                {
                    await Storage.WriteAsync(Changes("race", Item($$"""{"writer":{{i}}}""", initial["race"])), Token);
                    return (Writer: i, Won: true);
                }
                catch (StorageConcurrencyException)
                {
                    return (Writer: i, Won: false);
                }
            },
            Token)).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(writers);

        var winner = Assert.Single(outcomes, o => o.Won);
        var read = await Storage.ReadAsync(["race"], Token);
        Assert.Equal(winner.Writer, read["race"].Value.GetProperty("writer").GetInt32());
    }

    [Fact]
    public async Task DeleteRemovesKeysAndIgnoresMissingOnes()
    {
        await Storage.WriteAsync(Changes("a", Item("{}")), Token);
        await Storage.WriteAsync(Changes("b", Item("{}")), Token);

        await Storage.DeleteAsync(["a", "missing"], Token);

        var read = await Storage.ReadAsync(["a", "b"], Token);
        Assert.Equal(["b"], read.Keys);
    }

    [Fact]
    public async Task DeleteByPrefixRemovesOnlyMatchingKeysLiterally()
    {
        foreach (var key in new[] { "test/users/u1", "test/users/u1/extra", "test/users/u10", "test/users/u%", "test/conversations/c1" })
        {
            await Storage.WriteAsync(Changes(key, Item("{}")), Token);
        }

        var deleted = await Storage.DeleteByPrefixAsync("test/users/u1", Token);
        var deletedWildcard = await Storage.DeleteByPrefixAsync("test/users/u_", Token);

        Assert.Equal(3, deleted);
        Assert.Equal(0, deletedWildcard);
        var read = await Storage.ReadAsync(["test/users/u1", "test/users/u1/extra", "test/users/u10", "test/users/u%", "test/conversations/c1"], Token);
        Assert.Equal(["test/conversations/c1", "test/users/u%"], read.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeleteByEmptyPrefixIsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.DeleteByPrefixAsync(string.Empty, Token));
    }

    [Fact]
    public async Task ReportsHealthy()
    {
        Assert.True(await Storage.IsHealthyAsync(Token));
    }
}

using BotTriage.Bot.Security;

namespace BotTriage.Bot.Tests.Security;

/// <summary>The behaviour every <see cref="IKeyRingStore"/> must have; each provider's test class inherits it.</summary>
public abstract class KeyRingStoreContractTests : IDisposable
{
    private const string Key = """<key id="0f2a" version="1"><creationDate>2026-11-22T03:00:00Z</creationDate><descriptor><masterKey>c2VjcmV0</masterKey></descriptor></key>""";
    private const string Revocation = """<revocation version="1"><key id="0f2a" /><reason>rotated &amp; replaced</reason></revocation>""";

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>A store on the test's database; a second call opens the same database afresh, as another instance would.</summary>
    protected abstract IKeyRingStore OpenStore();

    protected virtual void Dispose(bool disposing)
    {
    }

    [Fact]
    public void ANewDatabaseHasNoKeys()
    {
        Assert.Empty(OpenStore().GetAll());
    }

    [Fact]
    public void StoredElementsReadBackInOrderFromAnotherInstance()
    {
        var first = OpenStore();
        first.Store("key-0f2a", Key);
        first.Store("", Revocation);
        first.Store("key-0f2a", Key);

        Assert.Equal([Key, Revocation, Key], OpenStore().GetAll());
        Assert.Equal([Key, Revocation, Key], first.GetAll());
    }
}

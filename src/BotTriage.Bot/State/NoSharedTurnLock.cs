namespace BotTriage.Bot.State;

/// <summary>The <see cref="ISharedTurnLock"/> of single-instance stores (SQLite, memory): nothing to share.</summary>
public sealed class NoSharedTurnLock : ISharedTurnLock
{
    public static NoSharedTurnLock Instance { get; } = new();

    public Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(Released.Instance);

    private sealed class Released : IAsyncDisposable
    {
        public static Released Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

namespace BotTriage.Bot.State;

/// <summary>
/// One async lock per key, created on first use and dropped when nobody holds or waits for it, so idle
/// conversations cost nothing. Waiters are served strictly in arrival order (SemaphoreSlim does not promise that),
/// so messages of one conversation are applied in the order they arrived.
/// </summary>
public sealed class KeyedAsyncLock
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>The number of keys currently held or waited for.</summary>
    public int ActiveKeys
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Gate? gate;
        LinkedListNode<TaskCompletionSource>? waiter;
        lock (_gates)
        {
            if (!_gates.TryGetValue(key, out gate))
            {
                gate = new Gate();
                _gates.Add(key, gate);
                return new Releaser(this, key, gate);
            }

            waiter = gate.Waiters.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using (cancellationToken.Register(() => Abandon(gate, waiter)))
        {
            await waiter.Value.Task.ConfigureAwait(false);
        }

        return new Releaser(this, key, gate);
    }

    private void Abandon(Gate gate, LinkedListNode<TaskCompletionSource> waiter)
    {
        lock (_gates)
        {
            // Only a waiter still in the queue can be cancelled; one that was handed the lock keeps it.
            if (waiter.List is not null)
            {
                gate.Waiters.Remove(waiter);
                waiter.Value.TrySetCanceled();
            }
        }
    }

    private void Release(string key, Gate gate)
    {
        lock (_gates)
        {
            if (gate.Waiters.First is { } next)
            {
                gate.Waiters.RemoveFirst();
                next.Value.TrySetResult();
                return;
            }

            _gates.Remove(key);
        }
    }

    private sealed class Gate
    {
        public LinkedList<TaskCompletionSource> Waiters { get; } = new();
    }

    private sealed class Releaser(KeyedAsyncLock owner, string key, Gate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, gate);
            }
        }
    }
}

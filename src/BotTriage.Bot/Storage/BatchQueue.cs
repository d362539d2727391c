namespace BotTriage.Bot.Storage;

/// <summary>
/// A first-in first-out queue that one thread of its own empties in batches, sleeping while it is empty. Adding never
/// blocks and wakes that thread directly, without a trip through the thread pool's queue, where under load it would
/// wait behind the very turns whose writes it is to commit.
/// </summary>
internal sealed class BatchQueue<T>
{
    private readonly Queue<T> _items = new();
    private bool _completed;
    private bool _takerWaiting;

    /// <summary>Adds <paramref name="item"/>; false once <see cref="Complete"/> was called.</summary>
    public bool TryAdd(T item)
    {
        lock (_items)
        {
            if (_completed)
            {
                return false;
            }

            _items.Enqueue(item);
            if (_takerWaiting)
            {
                Monitor.Pulse(_items);
            }

            return true;
        }
    }

    /// <summary>
    /// Waits until something is queued, then moves up to <paramref name="max"/> items, oldest first, to
    /// <paramref name="batch"/>. False when the queue is completed and empty: nothing more will come.
    /// </summary>
    public bool TakeBatch(List<T> batch, int max)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_items)
        {
            while (_items.Count == 0)
            {
                if (_completed)
                {
                    return false;
                }

                _takerWaiting = true;
                Monitor.Wait(_items);
                _takerWaiting = false;
            }

            while (batch.Count < max && _items.TryDequeue(out var item))
            {
                batch.Add(item);
            }

            return true;
        }
    }

    /// <summary>Takes one item without waiting (what is left after <see cref="Complete"/>).</summary>
    public bool TryTake(out T item)
    {
        lock (_items)
        {
            return _items.TryDequeue(out item!);
        }
    }

    /// <summary>No more items: the taker gets what is queued, then <see cref="TakeBatch"/> answers false.</summary>
    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
            Monitor.PulseAll(_items);
        }
    }
}

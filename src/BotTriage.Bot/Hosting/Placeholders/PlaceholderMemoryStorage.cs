using System.Collections.Concurrent;
using System.Globalization;
using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Hosting.Placeholders;

// Stands in for the storage provider until AddBotTriageStorage is merged; the integrator deletes this folder.
internal sealed class PlaceholderMemoryStorage : IStorage
{
    private readonly ConcurrentDictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_items.TryGetValue(key, out var item))
            {
                found[key] = item;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(found);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var (key, change) in changes)
            {
                if (change.ETag is not null and not "*" && _items.TryGetValue(key, out var current) && current.ETag != change.ETag)
                {
                    throw new StorageConcurrencyException(key);
                }

                var etag = "\"" + Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture) + "\"";
                _items[key] = new StoreItem(change.Value.Clone(), etag);
                etags[key] = etag;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            _items.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var key in _items.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && _items.TryRemove(key, out _))
            {
                count++;
            }
        }

        return Task.FromResult(count);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);
}

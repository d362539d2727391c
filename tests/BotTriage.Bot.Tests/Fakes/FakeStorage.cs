using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Tests.Fakes;

/// <summary>IStorage in memory with real ETag checks; <see cref="BeforeWrite"/> lets a test write first, as another instance would.</summary>
public sealed class FakeStorage : IStorage
{
    private readonly ConcurrentDictionary<string, StoreItem> _items = new(StringComparer.Ordinal);
    private long _version;

    public Func<string, Task>? BeforeWrite { get; set; }

    public IReadOnlyCollection<string> Keys => [.. _items.Keys];

    public bool Healthy { get; set; } = true;

    public JsonElement? Get(string key) => _items.TryGetValue(key, out var item) ? item.Value : null;

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

    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        foreach (var key in changes.Keys)
        {
            if (BeforeWrite is { } hook)
            {
                BeforeWrite = null;
                await hook(key);
            }
        }

        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_items)
        {
            foreach (var (key, change) in changes)
            {
                if (change.ETag is not null and not "*" && _items.TryGetValue(key, out var current) && current.ETag != change.ETag)
                {
                    throw new StorageConcurrencyException(key);
                }

                var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
                _items[key] = new StoreItem(change.Value.Clone(), etag);
                etags[key] = etag;
            }
        }

        return etags;
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
        var keys = _items.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        keys.ForEach(k => _items.TryRemove(k, out _));
        return Task.FromResult(keys.Count);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(Healthy);
}

using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Storage;

/// <summary>
/// <see cref="IStorage"/> in process memory with sliding expiry, for development and tests: gone on restart.
/// Writes are compare-and-set under one lock, so ETag checks of a multi-key write are all or nothing.
/// </summary>
public sealed partial class MemoryStorage : IStorage, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _slidingExpiration;
    private readonly ILogger<MemoryStorage> _logger;

    // Writes are microseconds long; one lock keeps multi-key writes atomic without per-key lock bookkeeping.
    private readonly Lock _writeLock = new();
    private long _lastETag;

    public MemoryStorage(IOptions<StorageOptions> options, ILogger<MemoryStorage> logger)
        : this(options, logger, new MemoryCacheOptions())
    {
    }

    internal MemoryStorage(IOptions<StorageOptions> options, ILogger<MemoryStorage> logger, MemoryCacheOptions cacheOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);

        // A cache of our own: a shared IMemoryCache with a size limit or compaction could evict conversation state.
        _cache = new MemoryCache(cacheOptions);
        _slidingExpiration = TimeSpan.FromMinutes(options.Value.MemorySlidingExpirationMinutes);
        _logger = logger;
    }

    public Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Dictionary<string, StoreItem>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_cache.TryGetValue(key, out Entry? entry) && entry is not null)
            {
                result[key] = new StoreItem(entry.Json, entry.ETag);
            }
        }

        LogRead(_logger, keys.Count, result.Count);
        return Task.FromResult<IReadOnlyDictionary<string, StoreItem>>(result);
    }

    public Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        lock (_writeLock)
        {
            foreach (var (key, item) in changes)
            {
                ArgumentNullException.ThrowIfNull(item);
                if (!item.IsUnconditional
                    && _cache.TryGetValue(key, out Entry? stored)
                    && stored is not null
                    && !string.Equals(stored.ETag, item.ETag, StringComparison.Ordinal))
                {
                    LogConflict(_logger, changes.Count);
                    throw new StorageConcurrencyException(key);
                }
            }

            foreach (var (key, item) in changes)
            {
                var etag = (++_lastETag).ToString(CultureInfo.InvariantCulture);

                // Kept as the writer's compact UTF-8 text, which the writer handed over (see StoreItem); readers get it
                // as read-only memory and parse their own values from it.
                var stored = new Entry(item.Json, etag);
                _cache.Set(key, stored, new MemoryCacheEntryOptions { SlidingExpiration = _slidingExpiration });
                etags[key] = etag;
            }
        }

        LogWritten(_logger, changes.Count);
        return Task.FromResult<IReadOnlyDictionary<string, string>>(etags);
    }

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            foreach (var key in keys)
            {
                _cache.Remove(key);
            }
        }

        LogDeleted(_logger, keys.Count);
        return Task.CompletedTask;
    }

    public Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        // An empty prefix would erase every conversation; erasure is always about one person or conversation.
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = 0;
        lock (_writeLock)
        {
            foreach (var key in _cache.Keys.OfType<string>().Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                if (_cache.TryGetValue(key, out _))
                {
                    _cache.Remove(key);
                    deleted++;
                }
            }
        }

        LogDeleted(_logger, deleted);
        return Task.FromResult(deleted);
    }

    public Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public void Dispose() => _cache.Dispose();

    [LoggerMessage(EventId = 1120, Level = LogLevel.Debug, Message = "State read: {Requested} keys requested, {Found} found")]
    private static partial void LogRead(ILogger logger, int requested, int found);

    [LoggerMessage(EventId = 1121, Level = LogLevel.Debug, Message = "State written: {Count} keys")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(EventId = 1122, Level = LogLevel.Information, Message = "State write of {Count} keys refused: ETag conflict")]
    private static partial void LogConflict(ILogger logger, int count);

    [LoggerMessage(EventId = 1123, Level = LogLevel.Debug, Message = "State deleted: {Count} keys")]
    private static partial void LogDeleted(ILogger logger, int count);

    /// <summary>A stored value: its JSON text exactly as written (UTF-8) and its ETag.</summary>
    private sealed record Entry(ReadOnlyMemory<byte> Json, string ETag);
}

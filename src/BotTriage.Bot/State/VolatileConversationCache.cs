using System.Text.Json;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.State;

/// <summary>
/// In-process memory, with sliding expiry, for what may not be durable: the state of a conversation whose person
/// has not consented (yet, or at all) and the transcript activities held until the consent answer. Lost on restart
/// by design. Instances behind one endpoint share a database-backed <see cref="IVolatileConversationStore"/> instead.
/// </summary>
public sealed class VolatileConversationCache : IVolatileConversationStore, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly TimeSpan _slidingExpiration;

    public VolatileConversationCache(IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _slidingExpiration = TimeSpan.FromMinutes(options.Value.UnconsentedExpirationMinutes);
    }

    public TriageState? GetState(string key) => _cache.TryGetValue(key, out Entry? entry) ? entry!.State : null;

    public void SetState(string key, TriageState state)
    {
        var entry = GetOrCreate(key);
        lock (entry)
        {
            entry.State = state;
        }
    }

    /// <summary>Forgets the conversation's state but keeps held transcript activities for the transcript logger.</summary>
    public void RemoveState(string key)
    {
        if (_cache.TryGetValue(key, out Entry? entry))
        {
            lock (entry!)
            {
                entry.State = null;
            }
        }
    }

    public void HoldTranscript(string key, IEnumerable<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);

        // Held as UTF-8 JSON, a fraction of the activity objects' size, until the consent answer.
        var held = new List<byte[]>();
        foreach (var activity in activities)
        {
            held.Add(JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity));
        }

        var entry = GetOrCreate(key);
        lock (entry)
        {
            entry.Pending.AddRange(held);
        }
    }

    /// <summary>Returns and forgets the held transcript activities, oldest first.</summary>
    public IReadOnlyList<Activity> TakePendingTranscript(string key)
    {
        if (!_cache.TryGetValue(key, out Entry? entry))
        {
            return [];
        }

        byte[][] held;
        lock (entry!)
        {
            held = [.. entry.Pending];
            entry.Pending.Clear();
            if (entry.State is null)
            {
                _cache.Remove(key);
            }
        }

        var pending = new Activity[held.Length];
        for (var i = 0; i < held.Length; i++)
        {
            pending[i] = JsonSerializer.Deserialize(held[i], BotJsonContext.Default.Activity)!;
        }

        return pending;
    }

    /// <summary>Forgets everything about the conversation.</summary>
    public void Remove(string key) => _cache.Remove(key);

    public void Dispose() => _cache.Dispose();

    Task<TriageState?> IVolatileConversationStore.GetStateAsync(string key, CancellationToken cancellationToken) => Task.FromResult(GetState(key));

    Task IVolatileConversationStore.SetStateAsync(string key, TriageState state, CancellationToken cancellationToken)
    {
        SetState(key, state);
        return Task.CompletedTask;
    }

    Task IVolatileConversationStore.RemoveStateAsync(string key, CancellationToken cancellationToken)
    {
        RemoveState(key);
        return Task.CompletedTask;
    }

    Task IVolatileConversationStore.HoldTranscriptAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        HoldTranscript(key, activities);
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<Activity>> IVolatileConversationStore.TakePendingTranscriptAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(TakePendingTranscript(key));

    private Entry GetOrCreate(string key) =>
        _cache.GetOrCreate(key, e =>
        {
            e.SlidingExpiration = _slidingExpiration;
            return new Entry();
        })!;

    private sealed class Entry
    {
        public TriageState? State { get; set; }

        public List<byte[]> Pending { get; } = [];
    }
}

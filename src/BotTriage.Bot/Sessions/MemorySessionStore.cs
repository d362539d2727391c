using System.Collections.Concurrent;

namespace BotTriage.Bot.Sessions;

/// <summary><see cref="ISessionStore"/> in process memory, for development and tests: the SQLite store's behaviour, gone on restart.</summary>
public sealed class MemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<SessionKey, Entry> _sessions = new();
    private long _lastSequence;

    public Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        var sequence = Interlocked.Increment(ref _lastSequence);
        _sessions.AddOrUpdate(
            session.Key,
            _ => new Entry(session, sequence),
            (_, existing) => existing with { Session = session with { Started = existing.Session.Started, ConsentedAt = existing.Session.ConsentedAt } });
        return Task.CompletedTask;
    }

    public Task<SessionRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_sessions.TryGetValue(new SessionKey(channelId, conversationId), out var entry) ? entry.Session : null);
    }

    public Task<SessionPage> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        cancellationToken.ThrowIfCancellationRequested();
        var matching = _sessions.Values
            .Where(e => Matches(e.Session, query))
            .OrderByDescending(e => e.Session.Started)
            .ThenByDescending(e => e.Sequence)
            .Select(e => e.Session)
            .ToList();
        return Task.FromResult(new SessionPage([.. matching.Skip(query.Skip).Take(query.Take)], matching.Count));
    }

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_sessions.TryRemove(new SessionKey(channelId, conversationId), out _));
    }

    public Task<IReadOnlyList<SessionKey>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = new List<SessionKey>();
        foreach (var (key, entry) in _sessions)
        {
            if (entry.Session.Updated < cutoff && _sessions.TryRemove(KeyValuePair.Create(key, entry)))
            {
                deleted.Add(key);
            }
        }

        return Task.FromResult<IReadOnlyList<SessionKey>>(deleted);
    }

    private static bool Matches(SessionRecord session, SessionQuery query) =>
        (query.Urgency is null || string.Equals(session.Urgency, query.Urgency, StringComparison.Ordinal))
        && (query.Route is null || session.Routes.Contains(query.Route, StringComparer.Ordinal))
        && (query.HasRedFlag is null || session.RedFlags.IsEmpty != query.HasRedFlag.Value)
        && (query.From is null || session.Started >= query.From)
        && (query.To is null || session.Started < query.To)
        && (query.ChannelId is null || string.Equals(session.ChannelId, query.ChannelId, StringComparison.Ordinal))
        && (query.ConversationId is null || session.ConversationId.Contains(query.ConversationId, StringComparison.Ordinal));

    private sealed record Entry(SessionRecord Session, long Sequence);
}

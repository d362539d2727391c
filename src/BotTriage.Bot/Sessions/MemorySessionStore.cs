using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// <see cref="ISessionStore"/> in process memory, for development and tests: the SQLite store's behaviour, gone on
/// restart. A session keeps its triage state as UTF-8 JSON, as the SQLite store does, and the few columns the list
/// filters on; the record is rebuilt when read.
/// </summary>
public sealed class MemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<SessionKey, Entry> _sessions = new();
    private long _lastSequence;

    public Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        cancellationToken.ThrowIfCancellationRequested();
        var sequence = Interlocked.Increment(ref _lastSequence);
        var entry = Entry.From(session, sequence);
        _sessions.AddOrUpdate(
            session.Key,
            entry,
            (_, existing) => entry with { Started = existing.Started, ConsentedAt = existing.ConsentedAt, Sequence = existing.Sequence });
        return Task.CompletedTask;
    }

    public Task<SessionRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_sessions.TryGetValue(new SessionKey(channelId, conversationId), out var entry) ? entry.ToRecord() : null);
    }

    public Task<SessionPage> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        cancellationToken.ThrowIfCancellationRequested();
        var matching = _sessions.Values
            .Where(e => Matches(e, query))
            .OrderByDescending(e => e.Started)
            .ThenByDescending(e => e.Sequence)
            .ToList();
        return Task.FromResult(new SessionPage([.. matching.Skip(query.Skip).Take(query.Take).Select(e => e.ToRecord())], matching.Count));
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
            if (entry.Updated < cutoff && _sessions.TryRemove(KeyValuePair.Create(key, entry)))
            {
                deleted.Add(key);
            }
        }

        return Task.FromResult<IReadOnlyList<SessionKey>>(deleted);
    }

    private static bool Matches(Entry session, SessionQuery query) =>
        (query.Urgency is null || string.Equals(session.Urgency, query.Urgency, StringComparison.Ordinal))
        && (query.Route is null || session.Routes.Contains(query.Route, StringComparer.Ordinal))
        && (query.HasRedFlag is null || session.HasRedFlag == query.HasRedFlag.Value)
        && (query.From is null || session.Started >= query.From)
        && (query.To is null || session.Started < query.To)
        && (query.ChannelId is null || string.Equals(session.ChannelId, query.ChannelId, StringComparison.Ordinal))
        && (query.ConversationId is null || session.ConversationId.Contains(query.ConversationId, StringComparison.Ordinal));

    private sealed record Entry(
        string ChannelId,
        string ConversationId,
        string Pseudonym,
        DateTimeOffset Started,
        DateTimeOffset ConsentedAt,
        DateTimeOffset Updated,
        string Urgency,
        ImmutableList<string> Routes,
        bool HasRedFlag,
        ReadOnlyMemory<byte> State,
        long Sequence)
    {
        public static Entry From(SessionRecord session, long sequence) => new(
            session.ChannelId,
            session.ConversationId,
            session.Pseudonym,
            session.Started,
            session.ConsentedAt,
            session.Updated,
            session.Urgency,
            session.Routes,
            session.HasRedFlag,
            // The conversation store's bytes when the recorder passed them on: one copy of the text for both.
            session.StateJsonToStore(),
            sequence);

        public SessionRecord ToRecord() => new()
        {
            ChannelId = ChannelId,
            ConversationId = ConversationId,
            Pseudonym = Pseudonym,
            Started = Started,
            ConsentedAt = ConsentedAt,
            Updated = Updated,
            State = JsonSerializer.Deserialize(State.Span, BotJsonContext.Default.TriageState)
                ?? throw new JsonException("A stored session has no state."),
        };
    }
}

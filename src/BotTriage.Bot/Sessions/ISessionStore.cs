namespace BotTriage.Bot.Sessions;

/// <summary>
/// The consented triage sessions the therapist workspace lists and shows. One record per conversation, replaced
/// as the triage goes on; deleted on erasure, by a therapist, or when the retention period has passed.
/// </summary>
public interface ISessionStore
{
    /// <summary>Creates or replaces the session; an existing session keeps its <see cref="SessionRecord.Started"/> and <see cref="SessionRecord.ConsentedAt"/>.</summary>
    Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>The session of one conversation, or null.</summary>
    Task<SessionRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The sessions matching the query's filters, newest first, paged.</summary>
    Task<SessionPage> QueryAsync(SessionQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes one session; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes every session last updated before <paramref name="cutoff"/>; returns which ones.</summary>
    Task<IReadOnlyList<SessionKey>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

using System.Security.Cryptography;
using System.Text;
using BotTriage.Bot.State;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// Keeps the therapist's copy of a triage in step with the conversation, under the same consent rule as its state:
/// every consented turn replaces the session (so a triage that is stopped, interrupted or left half-way is listed
/// too, and retention finds its state); without consent nothing is written, and a withdrawn consent removes it.
/// </summary>
public sealed class SessionRecorder(ISessionStore sessions, TimeProvider timeProvider)
{
    /// <summary>
    /// Records the state a turn produced; <paramref name="before"/> is the state as loaded for the turn, and
    /// <paramref name="stateJson"/> the state's JSON as the conversation store just saved it (empty when not known).
    /// </summary>
    public Task RecordAsync(string channelId, string conversationId, string? userId, StoredConversation? before, TriageState state, ReadOnlyMemory<byte> stateJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.ConsentGiven)
        {
            var now = timeProvider.GetUtcNow();
            return sessions.UpsertAsync(
                new SessionRecord
                {
                    ChannelId = channelId,
                    ConversationId = conversationId,
                    Pseudonym = Pseudonym(channelId, userId ?? conversationId),
                    Started = now,
                    ConsentedAt = now,
                    Updated = now,
                    State = state,
                    StateJson = stateJson,
                },
                cancellationToken);
        }

        return before is { IsDurable: true }
            ? sessions.DeleteAsync(channelId, conversationId, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Removes the session of a conversation whose person asked for erasure.</summary>
    public Task<bool> EraseAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        sessions.DeleteAsync(channelId, conversationId, cancellationToken);

    /// <summary>A short label that stays the same for one person on one channel and does not show their id.</summary>
    public static string Pseudonym(string channelId, string userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + userId));
        return "P-" + Convert.ToHexString(hash, 0, 4);
    }
}

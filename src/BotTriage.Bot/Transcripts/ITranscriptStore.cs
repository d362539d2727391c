using System.Text.Json;

namespace BotTriage.Bot.Transcripts;

/// <summary>
/// Durable, per-conversation log of every inbound and outbound activity, in the shape of the Bot Framework's
/// ITranscriptStore. Activities are kept as their JSON, in the order they were appended.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Appends activities to a conversation's transcript; completes only when they are stored.</summary>
    Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JsonElement> activities, CancellationToken cancellationToken);

    /// <summary>The activities of one conversation, oldest first; empty when there is none.</summary>
    Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Conversations with a transcript, newest activity first.</summary>
    Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Deletes one conversation's transcript; returns false when there was none.</summary>
    Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>Deletes every transcript whose last activity is older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

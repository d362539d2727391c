using System.Collections.Concurrent;
using System.Text.Json;
using BotTriage.Bot.Transcripts;

namespace BotTriage.Bot.Hosting.Placeholders;

// Stands in for the transcript store until AddBotTriageStorage is merged; the integrator deletes this folder.
internal sealed class PlaceholderTranscriptStore(TimeProvider timeProvider) : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, Transcript> _transcripts = new(StringComparer.Ordinal);

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JsonElement> activities, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var transcript = _transcripts.GetOrAdd(channelId + "/" + conversationId, _ => new Transcript(channelId, conversationId, now));
        lock (transcript)
        {
            transcript.Activities.AddRange(activities.Select(a => a.Clone()));
            transcript.LastActivity = now;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        if (!_transcripts.TryGetValue(channelId + "/" + conversationId, out var transcript))
        {
            return Task.FromResult<IReadOnlyList<JsonElement>>([]);
        }

        lock (transcript)
        {
            return Task.FromResult<IReadOnlyList<JsonElement>>([.. transcript.Activities]);
        }
    }

    public Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TranscriptInfo>>([.. _transcripts.Values
            .OrderByDescending(t => t.LastActivity)
            .Skip(skip)
            .Take(take)
            .Select(t => new TranscriptInfo(t.ChannelId, t.ConversationId, t.Created, t.LastActivity, t.Activities.Count))]);

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_transcripts.TryRemove(channelId + "/" + conversationId, out _));

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var (key, transcript) in _transcripts)
        {
            if (transcript.LastActivity < cutoff && _transcripts.TryRemove(key, out _))
            {
                count++;
            }
        }

        return Task.FromResult(count);
    }

    private sealed class Transcript(string channelId, string conversationId, DateTimeOffset created)
    {
        public string ChannelId { get; } = channelId;
        public string ConversationId { get; } = conversationId;
        public DateTimeOffset Created { get; } = created;
        public DateTimeOffset LastActivity { get; set; } = created;
        public List<JsonElement> Activities { get; } = [];
    }
}

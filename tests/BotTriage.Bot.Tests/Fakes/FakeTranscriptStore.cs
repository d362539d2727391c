using System.Collections.Concurrent;
using System.Text.Json;
using BotTriage.Bot.Transcripts;

namespace BotTriage.Bot.Tests.Fakes;

/// <summary>ITranscriptStore in memory.</summary>
public sealed class FakeTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, List<JsonElement>> _transcripts = new(StringComparer.Ordinal);

    public int Count => _transcripts.Count;

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JsonElement> activities, CancellationToken cancellationToken)
    {
        var list = _transcripts.GetOrAdd(channelId + "/" + conversationId, _ => []);
        lock (list)
        {
            list.AddRange(activities.Select(a => a.Clone()));
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JsonElement>>(_transcripts.TryGetValue(channelId + "/" + conversationId, out var list) ? [.. list] : []);

    public Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TranscriptInfo>>([]);

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_transcripts.TryRemove(channelId + "/" + conversationId, out _));

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => Task.FromResult(0);
}

using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Transcripts;

/// <summary>
/// <see cref="ITranscriptStore"/> in process memory, for development and tests: same behaviour as the SQLite store,
/// gone on restart. Transcripts do not expire here; erasure and retention go through the delete methods. Each append
/// is kept as one Brotli-compressed block of the activities' UTF-8 text (a third of its size: activities of one
/// conversation repeat their envelope), decompressed when the transcript is read.
/// </summary>
public sealed partial class MemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<(string ChannelId, string ConversationId), Transcript> _transcripts = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MemoryTranscriptStore> _logger;
    private long _lastSequence;

    public MemoryTranscriptStore(TimeProvider timeProvider, ILogger<MemoryTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JsonElement> activities, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        cancellationToken.ThrowIfCancellationRequested();
        if (activities.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Kept as compact UTF-8 text, detached from the caller's JsonDocument (which they may dispose after the append).
        var block = Pack(activities);

        var now = _timeProvider.GetUtcNow();
        while (true)
        {
            var transcript = _transcripts.GetOrAdd((channelId, conversationId), _ => new Transcript(now));
            lock (transcript)
            {
                // A concurrent delete may have removed this transcript after GetOrAdd; append to a live one instead.
                if (transcript.Deleted)
                {
                    continue;
                }

                transcript.Blocks.Add(block);
                transcript.Count += activities.Count;
                transcript.LastActivity = now;
                transcript.Sequence = Interlocked.Increment(ref _lastSequence);
            }

            LogAppended(_logger, activities.Count);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_transcripts.TryGetValue((channelId, conversationId), out var transcript))
        {
            return Task.FromResult<IReadOnlyList<JsonElement>>([]);
        }

        byte[][] stored;
        lock (transcript)
        {
            stored = [.. transcript.Blocks];
        }

        var activities = new List<JsonElement>();
        foreach (var block in stored)
        {
            Unpack(block, activities);
        }

        return Task.FromResult<IReadOnlyList<JsonElement>>(activities);
    }

    public Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        cancellationToken.ThrowIfCancellationRequested();
        var snapshot = new List<(TranscriptInfo Info, long Sequence)>();
        foreach (var ((channelId, conversationId), transcript) in _transcripts)
        {
            lock (transcript)
            {
                if (!transcript.Deleted)
                {
                    snapshot.Add((
                        new TranscriptInfo(channelId, conversationId, transcript.Created, transcript.LastActivity, transcript.Count),
                        transcript.Sequence));
                }
            }
        }

        IReadOnlyList<TranscriptInfo> page = [.. snapshot
            .OrderByDescending(t => t.Info.LastActivity)
            .ThenByDescending(t => t.Sequence)
            .Skip(skip)
            .Take(take)
            .Select(t => t.Info)];
        return Task.FromResult(page);
    }

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = false;
        if (_transcripts.TryGetValue((channelId, conversationId), out var transcript))
        {
            // Removed under the transcript's lock, so an append holding it either lands before or goes to a new one.
            lock (transcript)
            {
                deleted = _transcripts.TryRemove(KeyValuePair.Create((channelId, conversationId), transcript));
                transcript.Deleted |= deleted;
            }
        }

        LogDeleted(_logger, deleted ? 1 : 0);
        return Task.FromResult(deleted);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var deleted = 0;
        foreach (var (key, transcript) in _transcripts)
        {
            lock (transcript)
            {
                // Checked and removed under the transcript's lock, so an append racing with retention is never lost silently.
                if (transcript.LastActivity < cutoff && _transcripts.TryRemove(KeyValuePair.Create(key, transcript)))
                {
                    transcript.Deleted = true;
                    deleted++;
                }
            }
        }

        LogDeleted(_logger, deleted);
        return Task.FromResult(deleted);
    }

    // Brotli at quality 2 with a 4 KB window: about deflate's best size on these blocks at a fifth of its CPU,
    // and nothing to set up per block (no stream, no 256 KB zlib state).
    private const int BrotliQuality = 2;
    private const int BrotliWindowBits = 12;

    // One block: the uncompressed length, then the Brotli-compressed activities, each one's text exactly as written
    // (escapes, number formats, property order), as the SQLite store keeps it, behind its length.
    private static byte[] Pack(IReadOnlyList<JsonElement> activities)
    {
        var rawLength = 0;
        foreach (var activity in activities)
        {
            rawLength += sizeof(int) + JsonMarshal.GetRawUtf8Value(activity).Length;
        }

        var raw = ArrayPool<byte>.Shared.Rent(rawLength);
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(rawLength));
        try
        {
            var offset = 0;
            foreach (var activity in activities)
            {
                var text = JsonMarshal.GetRawUtf8Value(activity);
                BinaryPrimitives.WriteInt32LittleEndian(raw.AsSpan(offset), text.Length);
                text.CopyTo(raw.AsSpan(offset + sizeof(int)));
                offset += sizeof(int) + text.Length;
            }

            if (!BrotliEncoder.TryCompress(raw.AsSpan(0, rawLength), compressed, out var written, BrotliQuality, BrotliWindowBits))
            {
                throw new InvalidOperationException("A transcript block could not be compressed.");
            }

            var block = new byte[sizeof(int) + written];
            BinaryPrimitives.WriteInt32LittleEndian(block, rawLength);
            compressed.AsSpan(0, written).CopyTo(block.AsSpan(sizeof(int)));
            return block;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    private static void Unpack(byte[] block, List<JsonElement> activities)
    {
        var rawLength = BinaryPrimitives.ReadInt32LittleEndian(block);
        var raw = new byte[rawLength];
        if (!BrotliDecoder.TryDecompress(block.AsSpan(sizeof(int)), raw, out var written) || written != rawLength)
        {
            throw new InvalidDataException("A transcript block in memory is damaged.");
        }

        var data = raw.AsSpan();
        while (!data.IsEmpty)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(data);
            activities.Add(JsonElement.Parse(data.Slice(sizeof(int), length)));
            data = data[(sizeof(int) + length)..];
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "Transcript appended: {Count} activities")]
    private static partial void LogAppended(ILogger logger, int count);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Transcripts deleted: {Count}")]
    private static partial void LogDeleted(ILogger logger, int count);

    private sealed class Transcript(DateTimeOffset created)
    {
        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset LastActivity { get; set; } = created;

        public long Sequence { get; set; }

        public bool Deleted { get; set; }

        public int Count { get; set; }

        public List<byte[]> Blocks { get; } = [];
    }
}

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
/// gone on restart. Transcripts do not expire here; erasure and retention go through the delete methods.
/// A conversation's activities are kept as their UTF-8 text and compressed with Brotli a chunk at a time: when the open
/// chunk reaches <see cref="ChunkBytes"/>, or once the conversation has been quiet for <see cref="QuietPeriod"/>. A
/// chunk of several turns compresses to a fifth of its text (activities of one conversation repeat their envelope),
/// at less than half the CPU of compressing every turn on its own. Reads decompress.
/// </summary>
public sealed partial class MemoryTranscriptStore : ITranscriptStore, IDisposable
{
    /// <summary>An open chunk is compressed once its text reaches this many bytes.</summary>
    internal const int ChunkBytes = 8 * 1024;

    /// <summary>A conversation quiet for this long has its open chunk compressed.</summary>
    internal static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(2);

    // Brotli quality 1 (one pass, tables sized to the input, so nothing large to set up per chunk) gives about the
    // size of quality 2 on these chunks at three quarters of its CPU; the window covers a whole chunk.
    private const int BrotliQuality = 1;
    private const int BrotliWindowBits = 16;

    private readonly ConcurrentDictionary<(string ChannelId, string ConversationId), Transcript> _transcripts = new();

    // Transcripts with an open chunk, each once, checked for quiet on every tick of the timer.
    private readonly ConcurrentQueue<Transcript> _open = new();
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<MemoryTranscriptStore> _logger;
    private readonly ITimer _quietTimer;
    private long _lastSequence;
    private int _sweeping;

    public MemoryTranscriptStore(TimeProvider timeProvider, ILogger<MemoryTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _timeProvider = timeProvider;
        _logger = logger;
        _quietTimer = timeProvider.CreateTimer(static store => ((MemoryTranscriptStore)store!).CloseQuietChunks(), this, QuietPeriod, QuietPeriod);
    }

    /// <summary>Bytes the transcripts keep: compressed chunks and the text of open ones.</summary>
    internal long StoredBytes
    {
        get
        {
            long bytes = 0;
            foreach (var transcript in _transcripts.Values)
            {
                lock (transcript)
                {
                    bytes += transcript.OpenLength;
                    foreach (var chunk in transcript.Chunks)
                    {
                        bytes += chunk.Length;
                    }
                }
            }

            return bytes;
        }
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

        TranscriptActivity.EnsureObjects(activities);
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

                // Copied as compact UTF-8 text, detached from the caller's JsonDocument (which they may dispose after the append).
                foreach (var activity in activities)
                {
                    transcript.Write(JsonMarshal.GetRawUtf8Value(activity));
                }

                transcript.Count += activities.Count;
                transcript.LastActivity = now;
                transcript.Sequence = Interlocked.Increment(ref _lastSequence);
                if (transcript.OpenLength >= ChunkBytes)
                {
                    transcript.Close();
                }
                else if (!transcript.Queued)
                {
                    transcript.Queued = true;
                    _open.Enqueue(transcript);
                }
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

        byte[][] chunks;
        byte[] open;
        lock (transcript)
        {
            chunks = [.. transcript.Chunks];
            open = transcript.OpenText.ToArray();
        }

        var activities = new List<JsonElement>();
        foreach (var chunk in chunks)
        {
            ReadActivities(Decompress(chunk), activities);
        }

        ReadActivities(open, activities);
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
                if (deleted)
                {
                    transcript.Erase();
                }
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
                    transcript.Erase();
                    deleted++;
                }
            }
        }

        LogDeleted(_logger, deleted);
        return Task.FromResult(deleted);
    }

    public void Dispose() => _quietTimer.Dispose();

    /// <summary>Compresses the open chunk of every transcript that has been quiet for <see cref="QuietPeriod"/>.</summary>
    internal void CloseQuietChunks()
    {
        // Ticks do not overlap: a slow one lets the next one pass.
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            var quietSince = _timeProvider.GetUtcNow() - QuietPeriod;
            for (var waiting = _open.Count; waiting > 0 && _open.TryDequeue(out var transcript); waiting--)
            {
                lock (transcript)
                {
                    try
                    {
                        if (transcript.Deleted || transcript.OpenLength == 0 || transcript.LastActivity <= quietSince)
                        {
                            transcript.Close();
                            transcript.Queued = false;
                            continue;
                        }
                    }
                    catch (InvalidOperationException exception)
                    {
                        // The chunk stays open, as text, and is tried again on the next tick.
                        LogCloseFailed(_logger, exception);
                    }
                }

                _open.Enqueue(transcript);
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    // A chunk: the length of its text, then the text Brotli-compressed. The text is each activity exactly as written
    // (escapes, number formats, property order), as the SQLite store keeps it, behind its length.
    private static byte[] Compress(ReadOnlySpan<byte> text)
    {
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(text.Length));
        try
        {
            if (!BrotliEncoder.TryCompress(text, compressed, out var written, BrotliQuality, BrotliWindowBits))
            {
                throw new InvalidOperationException("A transcript chunk could not be compressed.");
            }

            var chunk = new byte[sizeof(int) + written];
            BinaryPrimitives.WriteInt32LittleEndian(chunk, text.Length);
            compressed.AsSpan(0, written).CopyTo(chunk.AsSpan(sizeof(int)));
            return chunk;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private static byte[] Decompress(byte[] chunk)
    {
        var text = new byte[BinaryPrimitives.ReadInt32LittleEndian(chunk)];
        if (!BrotliDecoder.TryDecompress(chunk.AsSpan(sizeof(int)), text, out var written) || written != text.Length)
        {
            throw new InvalidDataException("A transcript chunk in memory is damaged.");
        }

        return text;
    }

    private static void ReadActivities(ReadOnlySpan<byte> text, List<JsonElement> activities)
    {
        while (!text.IsEmpty)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(text);
            activities.Add(JsonElement.Parse(text.Slice(sizeof(int), length)));
            text = text[(sizeof(int) + length)..];
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "Transcript appended: {Count} activities")]
    private static partial void LogAppended(ILogger logger, int count);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Transcripts deleted: {Count}")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "A quiet transcript's newest activities could not be compressed; they stay as text")]
    private static partial void LogCloseFailed(ILogger logger, Exception exception);

    private sealed class Transcript(DateTimeOffset created)
    {
        private byte[]? _open;

        public DateTimeOffset Created { get; } = created;

        public DateTimeOffset LastActivity { get; set; } = created;

        public long Sequence { get; set; }

        public bool Deleted { get; private set; }

        public int Count { get; set; }

        /// <summary>Whether the transcript waits in the store's queue of open chunks.</summary>
        public bool Queued { get; set; }

        public List<byte[]> Chunks { get; } = [];

        public int OpenLength { get; private set; }

        public ReadOnlySpan<byte> OpenText => _open.AsSpan(0, OpenLength);

        /// <summary>Adds an activity's text, behind its length, to the open chunk.</summary>
        public void Write(ReadOnlySpan<byte> activity)
        {
            var needed = OpenLength + sizeof(int) + activity.Length;
            if (_open is null || needed > _open.Length)
            {
                Array.Resize(ref _open, Math.Max(needed, Math.Min(2 * (_open?.Length ?? 1024), ChunkBytes + 1024)));
            }

            BinaryPrimitives.WriteInt32LittleEndian(_open.AsSpan(OpenLength), activity.Length);
            activity.CopyTo(_open.AsSpan(OpenLength + sizeof(int)));
            OpenLength = needed;
        }

        /// <summary>Marks the transcript deleted and lets go of its activities at once (the queue may still hold it).</summary>
        public void Erase()
        {
            Deleted = true;
            Chunks.Clear();
            _open = null;
            OpenLength = 0;
        }

        /// <summary>Compresses the open chunk, if any, and lets its text go.</summary>
        public void Close()
        {
            if (OpenLength > 0 && !Deleted)
            {
                Chunks.Add(Compress(OpenText));
            }

            _open = null;
            OpenLength = 0;
        }
    }
}

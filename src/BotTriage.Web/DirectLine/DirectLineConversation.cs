using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Schema;

namespace BotTriage.Web.DirectLine;

/// <summary>
/// One Direct Line conversation's activity log, in memory only: the visitor's activities (the echo) and the bot's
/// replies, each numbered; the number of the last one read is the watermark. The oldest are dropped beyond the cap,
/// and readers waiting for news (the WebSocket) are woken on every append.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly Lock _lock = new();
    private readonly LinkedList<(long Sequence, Activity Activity)> _activities = new();
    private readonly int _maxActivities;
    private CancellationTokenSource? _stream;
    private long _sequence;
    private long _lastActiveTicks;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A log whose first activity is numbered after <paramref name="startAfter"/>: 0 for a new conversation, the
    /// client's watermark for one picked up again after this process lost its log.
    /// </summary>
    public DirectLineConversation(string id, string userId, string serviceUrl, int maxActivities, DateTimeOffset now, long startAfter = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startAfter);
        _sequence = startAfter;
        Id = id;
        UserId = userId;
        ServiceUrl = serviceUrl;
        _maxActivities = maxActivities;
        _lastActiveTicks = now.UtcTicks;
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>The <c>serviceUrl</c> stamped on the visitor's activities; the bot's replies come back to it.</summary>
    public string ServiceUrl { get; }

    public DateTimeOffset LastActive => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _activities.Count;
            }
        }
    }

    /// <summary>
    /// Registers a new stream (WebSocket) on this conversation and tells the one before it, if any, to close: a
    /// conversation has one stream, and the older one is closed with <c>collision</c>, as Direct Line does.
    /// </summary>
    internal CancellationTokenSource OpenStream()
    {
        var next = new CancellationTokenSource();
        CancellationTokenSource? previous;
        lock (_lock)
        {
            previous = _stream;
            _stream = next;
        }

        try
        {
            previous?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // That stream had just ended by itself.
        }

        return next;
    }

    /// <summary>Ends a stream that <see cref="OpenStream"/> registered.</summary>
    internal void CloseStream(CancellationTokenSource stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        lock (_lock)
        {
            if (ReferenceEquals(_stream, stream))
            {
                _stream = null;
            }
        }

        stream.Dispose();
    }

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

    /// <summary>Adds <paramref name="activity"/> with its id (<c>{conversationId}|{number}</c>) and timestamp, and returns it as stored.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        TaskCompletionSource changed;
        Activity stored;
        lock (_lock)
        {
            var sequence = ++_sequence;
            stored = activity with
            {
                Id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture),
                Timestamp = now,
                Conversation = activity.Conversation ?? new ConversationAccount { Id = Id },
            };
            _activities.AddLast((sequence, stored));
            while (_activities.Count > _maxActivities)
            {
                _activities.RemoveFirst();
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Touch(now);
        changed.TrySetResult();
        return stored;
    }

    /// <summary>
    /// The activities after <paramref name="watermark"/> as JSON, and the new watermark. <c>typing</c> is left out
    /// unless <paramref name="includeTyping"/>: Direct Line sends it on the WebSocket only.
    /// </summary>
    public DirectLineActivitySet Read(long watermark, bool includeTyping)
    {
        lock (_lock)
        {
            var activities = new List<JsonElement>();
            foreach (var (sequence, activity) in _activities)
            {
                if (sequence > watermark && (includeTyping || !activity.IsType(ActivityTypes.Typing)))
                {
                    activities.Add(JsonSerializer.SerializeToElement(activity, BotJsonContext.Default.Activity));
                }
            }

            return new DirectLineActivitySet(activities, Math.Max(watermark, _sequence).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The number of the last activity; the next one gets a higher number.</summary>
    public long Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    /// <summary>Drops every activity numbered up to <paramref name="sequence"/>: the person asked for their data to be deleted.</summary>
    public void EraseThrough(long sequence)
    {
        lock (_lock)
        {
            while (_activities.First is { } first && first.Value.Sequence <= sequence)
            {
                _activities.RemoveFirst();
            }
        }
    }

    /// <summary>Completes when the next activity is appended.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }
}

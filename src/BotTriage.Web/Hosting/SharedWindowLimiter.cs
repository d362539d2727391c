using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;

namespace BotTriage.Web.Hosting;

/// <summary>
/// A fixed-window limit for one client key whose requests are counted in the database every instance shares
/// (<see cref="IRateLimitCounter"/>), so several instances behind a load balancer allow a client the limit once, not
/// once each. The database holds a digest of the limit's name and the key, never the client's address.
/// </summary>
/// <remarks>
/// Counting needs a round trip, so <see cref="RateLimiter.AttemptAcquire(int)"/> always declines and the rate-limiting
/// middleware asks again with <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>. When the database cannot
/// be reached the request is let through and a warning logged: the limit must not turn an outage into refusals.
/// </remarks>
internal sealed partial class SharedWindowLimiter : RateLimiter
{
    private static readonly RateLimitLease Allowed = new Lease(acquired: true, retryAfter: null);
    private static readonly RateLimitLease Declined = new Lease(acquired: false, retryAfter: null);

    private readonly IRateLimitCounter _counter;
    private readonly string _key;
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastUsed;

    public SharedWindowLimiter(IRateLimitCounter counter, string limit, string clientKey, int permits, TimeSpan window, TimeProvider time, ILogger logger)
    {
        _counter = counter;
        _key = Digest(limit, clientKey);
        _permits = permits;
        _window = window;
        _time = time;
        _logger = logger;
        _lastUsed = time.GetTimestamp();
    }

    public override TimeSpan? IdleDuration => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    /// <summary>The key counted in the database: a SHA-256 digest of the limit's name and the client key.</summary>
    public static string Digest(string limit, string clientKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(limit + "\n" + clientKey)));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Declined;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
        var now = _time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % _window.Ticks), TimeSpan.Zero);
        int requests;
        try
        {
            requests = await _counter.CountAsync(_key, windowStart, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
            LogUncounted(_logger);
            return Allowed;
        }

        return requests <= _permits ? Allowed : new Lease(acquired: false, retryAfter: windowStart + _window - now);
    }

    [LoggerMessage(EventId = 2310, Level = LogLevel.Warning, Message = "A request limit could not be counted (the database is unreachable); the request was let through")]
    private static partial void LogUncounted(ILogger logger);

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

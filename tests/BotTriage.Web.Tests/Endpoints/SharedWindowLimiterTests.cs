using System.Threading.RateLimiting;
using BotTriage.Bot.Security;
using BotTriage.Bot.Storage;
using BotTriage.Testing;
using BotTriage.Web.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Web.Tests.Endpoints;

/// <summary>The limit counted in the shared database, on a counter in memory and a clock the test moves.</summary>
public sealed class SharedWindowLimiterTests
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 10, 15, 20, TimeSpan.Zero));
    private readonly Counter _counter = new();

    [Fact]
    public async Task ThePermitsOfAWindowAreGrantedThenRefusedUntilItsEnd()
    {
        using var limiter = Create(permits: 2);

        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();
        using var third = await limiter.AcquireAsync();

        Assert.True(first.IsAcquired);
        Assert.True(second.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(third.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 15, 0, TimeSpan.Zero), _counter.Windows.Distinct().Single());

        _clock.Advance(TimeSpan.FromSeconds(40));
        using var next = await limiter.AcquireAsync();
        Assert.True(next.IsAcquired);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 16, 0, TimeSpan.Zero), _counter.Windows.Last());
    }

    [Fact]
    public async Task TheSynchronousAttemptNeverGrantsSoTheMiddlewareWaitsForTheCount()
    {
        using var limiter = Create(permits: 5);

        using var attempt = limiter.AttemptAcquire();

        Assert.False(attempt.IsAcquired);
        Assert.Empty(_counter.Windows);
        using var acquired = await limiter.AcquireAsync();
        Assert.True(acquired.IsAcquired);
    }

    [Fact]
    public async Task AnUnreachableDatabaseLetsTheRequestThrough()
    {
        _counter.Unreachable = true;
        using var limiter = Create(permits: 0);

        using var lease = await limiter.AcquireAsync();

        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void TheCountedKeyIsADigestNotTheAddress()
    {
        var key = SharedWindowLimiter.Digest(RateLimits.VisitorTokens, "203.0.113.5");

        Assert.Equal(64, key.Length);
        Assert.DoesNotContain("203.0.113", key, StringComparison.Ordinal);
        Assert.NotEqual(key, SharedWindowLimiter.Digest(RateLimits.Logins, "203.0.113.5"));
    }

    private SharedWindowLimiter Create(int permits) =>
        new(_counter, RateLimits.VisitorTokens, "203.0.113.5", permits, TimeSpan.FromMinutes(1), _clock, NullLogger.Instance);

    private sealed class Counter : IRateLimitCounter
    {
        private readonly Dictionary<(string, DateTimeOffset), int> _counts = [];

        public bool Unreachable { get; set; }

        public List<DateTimeOffset> Windows { get; } = [];

        public Task<int> CountAsync(string key, DateTimeOffset windowStart, CancellationToken cancellationToken)
        {
            if (Unreachable)
            {
                throw new StorageUnavailableException("down");
            }

            Windows.Add(windowStart);
            _counts[(key, windowStart)] = _counts.GetValueOrDefault((key, windowStart)) + 1;
            return Task.FromResult(_counts[(key, windowStart)]);
        }
    }
}

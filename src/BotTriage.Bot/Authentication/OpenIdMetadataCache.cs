using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace BotTriage.Bot.Authentication;

/// <summary>
/// Fetches and caches OpenID metadata and its JSON Web Key Set per metadata URL, keeping each key's
/// <c>endorsements</c>, which the IdentityModel configuration manager would drop. Keys are refreshed after
/// <see cref="RefreshInterval"/> and, at most once per <see cref="MinimumRefreshInterval"/>, when a token names
/// a key id that is not known (the publisher rotated its keys).
/// </summary>
internal sealed partial class OpenIdMetadataCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OpenIdMetadataCache> _logger;

    public OpenIdMetadataCache(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<OpenIdMetadataCache> logger)
    {
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The Bot Framework docs ask for a refresh at least every 24 hours; half that keeps a margin.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Tokens with made-up key ids must not turn into a flood of requests to the key publisher.</summary>
    public TimeSpan MinimumRefreshInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The key with <paramref name="keyId"/> from <paramref name="metadataUrl"/>, or null when it is not published.</summary>
    public async Task<OpenIdSigningKey?> GetSigningKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());
        var keys = entry.Keys;
        if (keys is null || _timeProvider.GetUtcNow() - keys.FetchedAt >= RefreshInterval)
        {
            keys = await RefreshAsync(metadataUrl, entry, keys, force: false, cancellationToken).ConfigureAwait(false);
        }

        if (keys.Keys.TryGetValue(keyId, out var key))
        {
            return key;
        }

        if (_timeProvider.GetUtcNow() - entry.LastAttempt < MinimumRefreshInterval)
        {
            return null;
        }

        LogUnknownKeyRefresh(_logger, metadataUrl);
        keys = await RefreshAsync(metadataUrl, entry, keys, force: true, cancellationToken).ConfigureAwait(false);
        return keys.Keys.GetValueOrDefault(keyId);
    }

    private async Task<OpenIdSigningKeys> RefreshAsync(
        string metadataUrl, Entry entry, OpenIdSigningKeys? seen, bool force, CancellationToken cancellationToken)
    {
        await entry.Lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited for the lock.
            var current = entry.Keys;
            if (current is not null && !ReferenceEquals(current, seen))
            {
                return current;
            }

            if (current is not null && force && _timeProvider.GetUtcNow() - entry.LastAttempt < MinimumRefreshInterval)
            {
                return current;
            }

            entry.LastAttempt = _timeProvider.GetUtcNow();
            try
            {
                var fetched = await FetchAsync(metadataUrl, cancellationToken).ConfigureAwait(false);
                entry.Keys = fetched;
                return fetched;
            }
            catch (Exception exception) when (current is not null && IsFetchFailure(exception))
            {
                // The keys we have are still the best answer: an outage of the publisher must not reject every request.
                LogRefreshFailedKeepingKeys(_logger, metadataUrl, exception.GetType().Name);
                return current;
            }
        }
        finally
        {
            entry.Lock.Release();
        }
    }

    private async Task<OpenIdSigningKeys> FetchAsync(string metadataUrl, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var client = _httpClientFactory.CreateClient(AuthenticationServiceCollectionExtensions.OpenIdMetadataHttpClientName);
        try
        {
            using var metadata = await client.GetFromJsonAsync<JsonDocument>(metadataUrl, cancellationToken).ConfigureAwait(false)
                ?? throw new OpenIdMetadataException($"The OpenID metadata at {metadataUrl} is empty.");
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksProperty)
                || !MetadataUrlPolicy.IsAllowed(jwksProperty.GetString(), out var jwksUri))
            {
                throw new OpenIdMetadataException($"The OpenID metadata at {metadataUrl} has no https jwks_uri.");
            }

            using var jwks = await client.GetFromJsonAsync<JsonDocument>(jwksUri, cancellationToken).ConfigureAwait(false)
                ?? throw new OpenIdMetadataException($"The key set at {jwksUri} is empty.");
            var keys = ParseKeys(jwks.RootElement);
            var elapsed = Stopwatch.GetElapsedTime(started);
            LogFetched(_logger, metadataUrl, keys.Count, elapsed.TotalMilliseconds);
            return new OpenIdSigningKeys(keys, _timeProvider.GetUtcNow());
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or NotSupportedException
            or InvalidOperationException or ArgumentException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new OpenIdMetadataException($"The signing keys from {metadataUrl} could not be read ({exception.GetType().Name}).", exception);
        }
    }

    private static Dictionary<string, OpenIdSigningKey> ParseKeys(JsonElement jwks)
    {
        var keys = new Dictionary<string, OpenIdSigningKey>(StringComparer.Ordinal);
        if (!jwks.TryGetProperty("keys", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new OpenIdMetadataException("The key set has no 'keys' array.");
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || (item.TryGetProperty("use", out var use) && use.GetString() is { } usage && usage != "sig"))
            {
                continue;
            }

            IReadOnlyList<string>? endorsements = item.TryGetProperty("endorsements", out var endorsed) && endorsed.ValueKind == JsonValueKind.Array
                ? [.. endorsed.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
                : null;
            var keyId = kid.GetString()!;
            keys[keyId] = new OpenIdSigningKey(keyId, new JsonWebKey(item.GetRawText()), endorsements);
        }

        return keys;
    }

    private static bool IsFetchFailure(Exception exception) =>
        exception is OpenIdMetadataException;

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Signing keys fetched from {MetadataUrl}: {KeyCount} keys in {ElapsedMilliseconds:F0} ms")]
    private static partial void LogFetched(ILogger logger, string metadataUrl, int keyCount, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Token names an unknown signing key; refreshing keys from {MetadataUrl}")]
    private static partial void LogUnknownKeyRefresh(ILogger logger, string metadataUrl);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Refreshing signing keys from {MetadataUrl} failed ({ErrorType}); keeping the cached keys")]
    private static partial void LogRefreshFailedKeepingKeys(ILogger logger, string metadataUrl, string errorType);

    private sealed class Entry
    {
        private OpenIdSigningKeys? _keys;
        private long _lastAttemptTicks = DateTimeOffset.MinValue.UtcTicks;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        // Read without the lock by every validation, written under it by a refresh.
        public OpenIdSigningKeys? Keys
        {
            get => Volatile.Read(ref _keys);
            set => Volatile.Write(ref _keys, value);
        }

        public DateTimeOffset LastAttempt
        {
            get => new(Interlocked.Read(ref _lastAttemptTicks), TimeSpan.Zero);
            set => Interlocked.Exchange(ref _lastAttemptTicks, value.UtcTicks);
        }
    }
}

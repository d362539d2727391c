using System.Text.Json;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Core.Triage;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="IVolatileConversationStore"/> shared by every instance on one PostgreSQL database, in an UNLOGGED table
/// (see migration 2): a row per conversation with its unconsented state and held transcript activities, gone after
/// <see cref="BotOptions.UnconsentedExpirationMinutes"/> without a turn. Expiry uses the database's clock, so the
/// instances' clocks need not agree.
/// </summary>
public sealed class PostgresVolatileConversationStore : IVolatileConversationStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly PostgresDatabase _database;
    private readonly TimeSpan _slidingExpiration;
    private long _nextSweep;

    public PostgresVolatileConversationStore(PostgresDatabase database, IOptions<BotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _slidingExpiration = TimeSpan.FromMinutes(options.Value.UnconsentedExpirationMinutes);
    }

    public async Task<TriageState?> GetStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        string? text;
        if (_database.Turn is { } turn && turn.Key == key && turn.Volatile is { } seen)
        {
            // Read (and its expiry slid) with the turn's lock; only this turn can have changed it since.
            text = seen.State;
        }
        else
        {
            text = await _database.RunAsync(
                async connection =>
                {
                    await using var batch = new NpgsqlBatch(connection) { BatchCommands = { GetStateCommand(key, _slidingExpiration) } };
                    return await batch.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                },
                cancellationToken).ConfigureAwait(false);
        }

        return text is null ? null : JsonSerializer.Deserialize(text, BotJsonContext.Default.TriageState);
    }

    public async Task SetStateAsync(string key, TriageState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        var text = JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState);
        Forget(key);
        await WriteAsync(
            """
            INSERT INTO volatile_conversations AS v (key, state, expires) VALUES (@key, @value, now() + @sliding)
            ON CONFLICT (key) DO UPDATE SET
                state = excluded.state,
                expires = excluded.expires,
                pending = CASE WHEN v.expires > now() THEN v.pending ELSE '[]' END
            """,
            key,
            text,
            cancellationToken).ConfigureAwait(false);
        await SweepAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task RemoveStateAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsKnownAbsent(key))
        {
            return Task.CompletedTask;
        }

        Forget(key);
        return _database.WriteAsync(
            [
                Command("DELETE FROM volatile_conversations WHERE key = @key AND (pending = '[]' OR expires <= now())", key),
                Command("UPDATE volatile_conversations SET state = NULL WHERE key = @key", key),
            ],
            cancellationToken);
    }

    public Task HoldTranscriptAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return Task.CompletedTask;
        }

        var array = "[" + string.Join(',', activities.Select(a => JsonSerializer.Serialize(a, BotJsonContext.Default.Activity))) + "]";
        Forget(key);
        return WriteAsync(
            """
            INSERT INTO volatile_conversations AS v (key, pending, expires) VALUES (@key, @value::jsonb, now() + @sliding)
            ON CONFLICT (key) DO UPDATE SET
                pending = CASE WHEN v.expires > now() THEN v.pending ELSE '[]' END || excluded.pending,
                state = CASE WHEN v.expires > now() THEN v.state END,
                expires = excluded.expires
            """,
            key,
            array,
            cancellationToken);
    }

    public async Task<IReadOnlyList<Activity>> TakePendingTranscriptAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (IsKnownAbsent(key))
        {
            return [];
        }

        Forget(key);

        // One round trip, all or nothing: the held activities, then the row emptied, and gone altogether when no
        // unconsented state is left to keep.
        var text = await _database.RunBatchAsync(
            [
                Command("SELECT pending::text FROM volatile_conversations WHERE key = @key AND expires > now() FOR UPDATE", key),
                Command("DELETE FROM volatile_conversations WHERE key = @key AND (state IS NULL OR expires <= now())", key),
                Command("UPDATE volatile_conversations SET pending = '[]' WHERE key = @key", key),
            ],
            async reader => await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(0) : null,
            cancellationToken).ConfigureAwait(false);

        if (text is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Deserialize(BotJsonContext.Default.Activity)!)];
    }

    /// <summary>
    /// The statement that reads a conversation's unconsented state: reading a conversation is a turn on it, so the
    /// expiry slides, as the in-memory cache's does. One row (state possibly null) when the conversation has a live
    /// row, none otherwise.
    /// </summary>
    internal static NpgsqlBatchCommand GetStateCommand(string key, TimeSpan slidingExpiration) =>
        new("UPDATE volatile_conversations SET expires = now() + @sliding WHERE key = @key AND expires > now() RETURNING state")
        {
            Parameters =
            {
                new NpgsqlParameter<string>("key", key),
                new NpgsqlParameter<TimeSpan>("sliding", NpgsqlDbType.Interval) { TypedValue = slidingExpiration },
            },
        };

    private static NpgsqlBatchCommand Command(string sql, string key) =>
        new(sql) { Parameters = { new NpgsqlParameter<string>("key", key) } };

    // True when the running turn holds this conversation and found no live row for it, and has not written one since.
    private bool IsKnownAbsent(string key) =>
        _database.Turn is { } turn && turn.Key == key && turn.Volatile is { Exists: false };

    private void Forget(string key)
    {
        if (_database.Turn is { } turn && turn.Key == key)
        {
            turn.Volatile = null;
        }
    }

    private Task WriteAsync(string sql, string key, string value, CancellationToken cancellationToken) =>
        _database.WriteAsync(
            [
                new NpgsqlBatchCommand(sql)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>("key", key),
                        new NpgsqlParameter<string>("value", value),
                        new NpgsqlParameter<TimeSpan>("sliding", NpgsqlDbType.Interval) { TypedValue = _slidingExpiration },
                    },
                },
            ],
            cancellationToken);

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        // Expired rows are invisible already; deleting them at most once a minute per instance keeps the table small.
        var now = Environment.TickCount64;
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + (long)SweepInterval.TotalMilliseconds, due) != due)
        {
            return;
        }

        await _database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM volatile_conversations WHERE expires <= now()", connection);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}

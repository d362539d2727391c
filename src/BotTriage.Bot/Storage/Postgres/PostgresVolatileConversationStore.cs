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
        var text = await _database.RunAsync(
            async connection =>
            {
                // Reading a conversation is a turn on it: the expiry slides, as the in-memory cache's does.
                await using var command = new NpgsqlCommand(
                    "UPDATE volatile_conversations SET expires = now() + @sliding WHERE key = @key AND expires > now() RETURNING state",
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string>("key", key));
                command.Parameters.Add(new NpgsqlParameter<TimeSpan>("sliding", NpgsqlDbType.Interval) { TypedValue = _slidingExpiration });
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            },
            cancellationToken).ConfigureAwait(false);
        return text is null ? null : JsonSerializer.Deserialize(text, BotJsonContext.Default.TriageState);
    }

    public async Task SetStateAsync(string key, TriageState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(state);
        var text = JsonSerializer.Serialize(state, BotJsonContext.Default.TriageState);
        await ExecuteAsync(
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
        return ExecuteAsync(
            """
            DELETE FROM volatile_conversations WHERE key = @key AND (pending = '[]' OR expires <= now());
            UPDATE volatile_conversations SET state = NULL WHERE key = @key;
            """,
            key,
            null,
            cancellationToken);
    }

    public async Task HoldTranscriptAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return;
        }

        var array = "[" + string.Join(',', activities.Select(a => JsonSerializer.Serialize(a, BotJsonContext.Default.Activity))) + "]";
        await ExecuteAsync(
            """
            INSERT INTO volatile_conversations AS v (key, pending, expires) VALUES (@key, @value::jsonb, now() + @sliding)
            ON CONFLICT (key) DO UPDATE SET
                pending = CASE WHEN v.expires > now() THEN v.pending ELSE '[]' END || excluded.pending,
                state = CASE WHEN v.expires > now() THEN v.state END,
                expires = excluded.expires
            """,
            key,
            array,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Activity>> TakePendingTranscriptAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = await _database.RunInTransactionAsync(
            async connection =>
            {
                string? pending;
                await using (var select = new NpgsqlCommand(
                    "SELECT pending::text FROM volatile_conversations WHERE key = @key AND expires > now() FOR UPDATE",
                    connection))
                {
                    select.Parameters.Add(new NpgsqlParameter<string>("key", key));
                    pending = await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                }

                // Emptied, and gone altogether when no unconsented state is left to keep.
                await using (var clear = new NpgsqlCommand(
                    """
                    DELETE FROM volatile_conversations WHERE key = @key AND (state IS NULL OR expires <= now());
                    UPDATE volatile_conversations SET pending = '[]' WHERE key = @key;
                    """,
                    connection))
                {
                    clear.Parameters.Add(new NpgsqlParameter<string>("key", key));
                    await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return (pending, true);
            },
            cancellationToken,
            mayUndo: false).ConfigureAwait(false);

        if (text is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.EnumerateArray().Select(e => e.Deserialize(BotJsonContext.Default.Activity)!)];
    }

    private Task<int> ExecuteAsync(string sql, string key, string? value, CancellationToken cancellationToken) =>
        _database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(sql, connection);
                command.Parameters.Add(new NpgsqlParameter<string>("key", key));
                if (value is not null)
                {
                    command.Parameters.Add(new NpgsqlParameter<string>("value", value));
                }

                command.Parameters.Add(new NpgsqlParameter<TimeSpan>("sliding", NpgsqlDbType.Interval) { TypedValue = _slidingExpiration });
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
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

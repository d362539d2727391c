using System.Text;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// <see cref="ISessionStore"/> in the bot's SQLite file, beside state and transcripts: one row per conversation with
/// the list's filter columns and the triage state as JSON. Writes take the database's write queue.
/// </summary>
public sealed class SqliteSessionStore : ISessionStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS therapist_sessions (
            channel_id TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            pseudonym TEXT NOT NULL,
            started TEXT NOT NULL,
            consented_at TEXT NOT NULL,
            updated TEXT NOT NULL,
            urgency TEXT NOT NULL,
            routes TEXT NOT NULL,
            has_red_flag INTEGER NOT NULL,
            state TEXT NOT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        CREATE INDEX IF NOT EXISTS ix_therapist_sessions_started ON therapist_sessions (started);
        CREATE INDEX IF NOT EXISTS ix_therapist_sessions_updated ON therapist_sessions (updated);
        """;

    private const string Columns = "channel_id, conversation_id, pseudonym, started, consented_at, updated, state";

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;

    public SqliteSessionStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _schema = new SqliteSchema(database, Schema);
    }

    private const string UpsertSql = """
        INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state)
        VALUES ($channel, $conversation, $pseudonym, $started, $consented, $updated, $urgency, $routes, $redFlag, CAST($state AS TEXT))
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency,
            routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state;
        """;

    public async Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // Serialised before the write queue: the writer does nothing but the statement.
        var state = SqliteDatabase.Utf8Text(session.StateJsonToStore());
        await _database.WriteWithTurnAsync(
            async (connection, transaction, ct) =>
            {
                var command = SqliteDatabase.ReusedCommand(connection, transaction, UpsertSql);
                command.Parameters.Add("$channel", SqliteType.Text).Value = session.ChannelId;
                command.Parameters.Add("$conversation", SqliteType.Text).Value = session.ConversationId;
                command.Parameters.Add("$pseudonym", SqliteType.Text).Value = session.Pseudonym;
                command.Parameters.Add("$started", SqliteType.Text).Value = SqliteTime.Format(session.Started);
                command.Parameters.Add("$consented", SqliteType.Text).Value = SqliteTime.Format(session.ConsentedAt);
                command.Parameters.Add("$updated", SqliteType.Text).Value = SqliteTime.Format(session.Updated);
                command.Parameters.Add("$urgency", SqliteType.Text).Value = session.Urgency;
                command.Parameters.Add("$routes", SqliteType.Text).Value = RouteList(session.Routes);
                command.Parameters.Add("$redFlag", SqliteType.Integer).Value = session.RedFlags.IsEmpty ? 0 : 1;
                command.Parameters.Add("$state", SqliteType.Blob).Value = state;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<SessionRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM therapist_sessions WHERE channel_id = $channel AND conversation_id = $conversation;";
        command.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
        command.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<SessionPage> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new StringBuilder("WHERE 1 = 1");
        if (query.Urgency is not null)
        {
            where.Append(" AND urgency = $urgency");
            command.Parameters.Add("$urgency", SqliteType.Text).Value = query.Urgency;
        }

        if (query.Route is not null)
        {
            // Routes are stored as ",gp,physio,", so a whole code matches and never part of another.
            where.Append(" AND instr(routes, $route) > 0");
            command.Parameters.Add("$route", SqliteType.Text).Value = "," + query.Route + ",";
        }

        if (query.HasRedFlag is { } hasRedFlag)
        {
            where.Append(" AND has_red_flag = $redFlag");
            command.Parameters.Add("$redFlag", SqliteType.Integer).Value = hasRedFlag ? 1 : 0;
        }

        if (query.From is { } from)
        {
            where.Append(" AND started >= $from");
            command.Parameters.Add("$from", SqliteType.Text).Value = SqliteTime.Format(from);
        }

        if (query.To is { } to)
        {
            where.Append(" AND started < $to");
            command.Parameters.Add("$to", SqliteType.Text).Value = SqliteTime.Format(to);
        }

        if (query.ChannelId is not null)
        {
            where.Append(" AND channel_id = $channel");
            command.Parameters.Add("$channel", SqliteType.Text).Value = query.ChannelId;
        }

        if (query.ConversationId is not null)
        {
            where.Append(" AND instr(conversation_id, $conversation) > 0");
            command.Parameters.Add("$conversation", SqliteType.Text).Value = query.ConversationId;
        }

        command.CommandText = $"""
            SELECT count(*) FROM therapist_sessions {where};
            SELECT {Columns} FROM therapist_sessions {where}
            ORDER BY started DESC, rowid DESC LIMIT $take OFFSET $skip;
            """;
        command.Parameters.Add("$take", SqliteType.Integer).Value = query.Take;
        command.Parameters.Add("$skip", SqliteType.Integer).Value = query.Skip;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = reader.GetInt32(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<SessionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }

        return new SessionPage(items, total);
    }

    public async Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM therapist_sessions WHERE channel_id = $channel AND conversation_id = $conversation;";
                command.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
                command.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
                return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SessionKey>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        return await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM therapist_sessions WHERE updated < $cutoff RETURNING channel_id, conversation_id;";
                command.Parameters.Add("$cutoff", SqliteType.Text).Value = SqliteTime.Format(cutoff);
                var deleted = new List<SessionKey>();
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    deleted.Add(new SessionKey(reader.GetString(0), reader.GetString(1)));
                }

                return deleted;
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static string RouteList(IEnumerable<string> routes) => "," + string.Join(',', routes) + ",";

    private static SessionRecord Read(SqliteDataReader reader) => new()
    {
        ChannelId = reader.GetString(0),
        ConversationId = reader.GetString(1),
        Pseudonym = reader.GetString(2),
        Started = SqliteTime.Parse(reader.GetString(3)),
        ConsentedAt = SqliteTime.Parse(reader.GetString(4)),
        Updated = SqliteTime.Parse(reader.GetString(5)),
        State = JsonSerializer.Deserialize(reader.GetString(6), BotJsonContext.Default.TriageState)
            ?? throw new JsonException("A stored session has an empty state."),
    };
}

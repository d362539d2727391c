using System.Text;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Sessions;

/// <summary>
/// <see cref="ISessionStore"/> in the bot's SQLite file, beside state and transcripts: one row per conversation with
/// the list's filter columns and the triage state as JSON. Writes take the database's write queue.
/// <para>
/// The bot records a session in the same turn, and the same transaction, as it saves the conversation's state, so
/// the state's text is usually in <c>bot_state</c> already. Then the row keeps only that row's key
/// (<c>state_key</c>, <c>state</c> empty) instead of a second copy, which the writer would otherwise write on every
/// turn; the write checks that the row holds exactly this text, and stores the text itself when it does not. A
/// session whose referenced state row is gone (an erasure in progress deletes the state first) is not listed.
/// </para>
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
            state_key TEXT NULL,
            PRIMARY KEY (channel_id, conversation_id)
        );
        CREATE INDEX IF NOT EXISTS ix_therapist_sessions_started ON therapist_sessions (started);
        DROP INDEX IF EXISTS ix_therapist_sessions_updated;
        """;

    // No index on updated: every turn changes it, and moving the entry cost more than the rest of the session's
    // write; only a retention run (rare) looks sessions up by it, and scans. Files that have the index lose it.

    // Files made before state_key existed get the column when the store first opens them.
    private const string AddStateKey = "ALTER TABLE therapist_sessions ADD COLUMN state_key TEXT NULL;";

    // The session's columns, with the state from the conversation's state row when the session refers to it.
    private const string Columns = "s.channel_id, s.conversation_id, s.pseudonym, s.started, s.consented_at, s.updated, coalesce(b.value, s.state)";

    private const string From = """
        therapist_sessions s LEFT JOIN bot_state b ON s.state_key IS NOT NULL AND b.key = s.state_key
        WHERE (s.state_key IS NULL OR b.key IS NOT NULL)
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;

    public SqliteSessionStore(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _schema = new SqliteSchema(database, Schema, ("therapist_sessions", "state_key", AddStateKey));
    }

    // The state by reference when the conversation's state row holds exactly this text, else the text itself. (The
    // WHERE clause lets SQLite tell the upsert's ON CONFLICT from a join constraint.)
    private const string UpsertSql = """
        INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state, state_key)
        SELECT $channel, $conversation, $pseudonym, $started, $consented, $updated, $urgency, $routes, $redFlag,
            CASE WHEN b.key IS NULL THEN CAST($state AS TEXT) ELSE '' END, b.key
        FROM (SELECT 1) LEFT JOIN bot_state b ON b.key = $stateKey AND b.value = CAST($state AS TEXT)
        WHERE true
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency,
            routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state, state_key = excluded.state_key;
        """;

    public async Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // Worked out before the write queue: the writer does nothing but the statement.
        var state = SqliteDatabase.Utf8Text(session.StateJsonToStore());
        var started = SqliteTime.Format(session.Started);
        var consented = SqliteTime.Format(session.ConsentedAt);
        var updated = SqliteTime.Format(session.Updated);
        var urgency = session.Urgency;
        var routes = RouteList(session.Routes);
        var redFlag = session.HasRedFlag ? 1 : 0;
        var stateKey = ConversationKeys.Conversation(session.ChannelId, session.ConversationId);
        await _database.WriteWithTurnAsync(
            async (connection, transaction, ct) =>
            {
                var command = SqliteDatabase.ReusedCommand(connection, transaction, UpsertSql);
                command.Parameters.Add("$channel", SqliteType.Text).Value = session.ChannelId;
                command.Parameters.Add("$conversation", SqliteType.Text).Value = session.ConversationId;
                command.Parameters.Add("$pseudonym", SqliteType.Text).Value = session.Pseudonym;
                command.Parameters.Add("$started", SqliteType.Text).Value = started;
                command.Parameters.Add("$consented", SqliteType.Text).Value = consented;
                command.Parameters.Add("$updated", SqliteType.Text).Value = updated;
                command.Parameters.Add("$urgency", SqliteType.Text).Value = urgency;
                command.Parameters.Add("$routes", SqliteType.Text).Value = routes;
                command.Parameters.Add("$redFlag", SqliteType.Integer).Value = redFlag;
                command.Parameters.Add("$state", SqliteType.Blob).Value = state;
                command.Parameters.Add("$stateKey", SqliteType.Text).Value = stateKey;
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
        command.CommandText = $"SELECT {Columns} FROM {From} AND s.channel_id = $channel AND s.conversation_id = $conversation;";
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
        var where = new StringBuilder(From);
        if (query.Urgency is not null)
        {
            where.Append(" AND s.urgency = $urgency");
            command.Parameters.Add("$urgency", SqliteType.Text).Value = query.Urgency;
        }

        if (query.Route is not null)
        {
            // Routes are stored as ",gp,physio,", so a whole code matches and never part of another.
            where.Append(" AND instr(s.routes, $route) > 0");
            command.Parameters.Add("$route", SqliteType.Text).Value = "," + query.Route + ",";
        }

        if (query.HasRedFlag is { } hasRedFlag)
        {
            where.Append(" AND s.has_red_flag = $redFlag");
            command.Parameters.Add("$redFlag", SqliteType.Integer).Value = hasRedFlag ? 1 : 0;
        }

        if (query.From is { } from)
        {
            where.Append(" AND s.started >= $from");
            command.Parameters.Add("$from", SqliteType.Text).Value = SqliteTime.Format(from);
        }

        if (query.To is { } to)
        {
            where.Append(" AND s.started < $to");
            command.Parameters.Add("$to", SqliteType.Text).Value = SqliteTime.Format(to);
        }

        if (query.ChannelId is not null)
        {
            where.Append(" AND s.channel_id = $channel");
            command.Parameters.Add("$channel", SqliteType.Text).Value = query.ChannelId;
        }

        if (query.ConversationId is not null)
        {
            where.Append(" AND instr(s.conversation_id, $conversation) > 0");
            command.Parameters.Add("$conversation", SqliteType.Text).Value = query.ConversationId;
        }

        command.CommandText = $"""
            SELECT count(*) FROM {where};
            SELECT {Columns} FROM {where}
            ORDER BY s.started DESC, s.rowid DESC LIMIT $take OFFSET $skip;
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

using BotTriage.Bot.Sessions;
using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Privacy;

/// <summary><see cref="IAuditLog"/> in the bot's SQLite file: one row per access, through the database's write queue.</summary>
public sealed class SqliteAuditLog : IAuditLog
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS therapist_audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            time TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            channel_id TEXT NULL,
            conversation_id TEXT NULL
        );
        """;

    private readonly SqliteDatabase _database;
    private readonly SqliteSchema _schema;

    public SqliteAuditLog(SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _schema = new SqliteSchema(database, Schema);
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO therapist_audit (time, actor, action, channel_id, conversation_id)
                    VALUES ($time, $actor, $action, $channel, $conversation);
                    """;
                command.Parameters.Add("$time", SqliteType.Text).Value = SqliteTime.Format(entry.Time);
                command.Parameters.Add("$actor", SqliteType.Text).Value = entry.Actor;
                command.Parameters.Add("$action", SqliteType.Text).Value = entry.Action;
                command.Parameters.Add("$channel", SqliteType.Text).Value = entry.ChannelId ?? (object)DBNull.Value;
                command.Parameters.Add("$conversation", SqliteType.Text).Value = entry.ConversationId ?? (object)DBNull.Value;
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT time, actor, action, channel_id, conversation_id FROM therapist_audit
            ORDER BY time DESC, seq DESC LIMIT $take OFFSET $skip;
            """;
        command.Parameters.Add("$take", SqliteType.Integer).Value = take;
        command.Parameters.Add("$skip", SqliteType.Integer).Value = skip;
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                SqliteTime.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return entries;
    }
}

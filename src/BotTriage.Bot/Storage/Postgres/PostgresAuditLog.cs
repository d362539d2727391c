using BotTriage.Bot.Privacy;
using Npgsql;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary><see cref="IAuditLog"/> on PostgreSQL: one row per access, shared by every instance.</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO therapist_audit (time, actor, action, channel_id, conversation_id)
                    VALUES (@time, @actor, @action, @channel, @conversation)
                    """,
                    connection);
                command.Parameters.Add(PostgresSessionStore.Time("time", entry.Time));
                command.Parameters.Add(new NpgsqlParameter<string>("actor", entry.Actor));
                command.Parameters.Add(new NpgsqlParameter<string>("action", entry.Action));
                command.Parameters.Add(new NpgsqlParameter("channel", NpgsqlTypes.NpgsqlDbType.Text) { Value = entry.ChannelId ?? (object)DBNull.Value });
                command.Parameters.Add(new NpgsqlParameter("conversation", NpgsqlTypes.NpgsqlDbType.Text) { Value = entry.ConversationId ?? (object)DBNull.Value });
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return database.RunAsync<IReadOnlyList<AuditEntry>>(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    SELECT time, actor, action, channel_id, conversation_id FROM therapist_audit
                    ORDER BY time DESC, seq DESC LIMIT @take OFFSET @skip
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter<int>("take", take));
                command.Parameters.Add(new NpgsqlParameter<int>("skip", skip));
                var entries = new List<AuditEntry>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(new AuditEntry(
                        reader.GetFieldValue<DateTimeOffset>(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                }

                return entries;
            },
            cancellationToken);
    }
}

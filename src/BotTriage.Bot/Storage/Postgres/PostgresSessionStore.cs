using System.Text;
using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Sessions;
using Npgsql;
using NpgsqlTypes;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="ISessionStore"/> on PostgreSQL, beside state and transcripts: one row per conversation with the list's
/// filter columns (routes as an array) and the triage state as JSON text. Every instance sees every session.
/// </summary>
public sealed class PostgresSessionStore(PostgresDatabase database) : ISessionStore
{
    private const string Columns = "channel_id, conversation_id, pseudonym, started, consented_at, updated, state";

    public Task UpsertAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);

        // Nothing is read back: inside a turn the write goes with the turn's next statement or its commit.
        return database.WriteAsync(
            [
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO therapist_sessions (channel_id, conversation_id, pseudonym, started, consented_at, updated, urgency, routes, has_red_flag, state)
                    VALUES (@channel, @conversation, @pseudonym, @started, @consented, @updated, @urgency, @routes, @redFlag, @state)
                    ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                        pseudonym = excluded.pseudonym, updated = excluded.updated, urgency = excluded.urgency,
                        routes = excluded.routes, has_red_flag = excluded.has_red_flag, state = excluded.state
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>("channel", session.ChannelId),
                        new NpgsqlParameter<string>("conversation", session.ConversationId),
                        new NpgsqlParameter<string>("pseudonym", session.Pseudonym),
                        Time("started", session.Started),
                        Time("consented", session.ConsentedAt),
                        Time("updated", session.Updated),
                        new NpgsqlParameter<string>("urgency", session.Urgency),
                        new NpgsqlParameter<string[]>("routes", [.. session.Routes]),
                        new NpgsqlParameter<bool>("redFlag", session.HasRedFlag),
                        new NpgsqlParameter<string>("state", Encoding.UTF8.GetString(session.StateJsonToStore().Span)),
                    },
                },
            ],
            cancellationToken);
    }

    public Task<SessionRecord?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT {Columns} FROM therapist_sessions WHERE channel_id = @channel AND conversation_id = @conversation",
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string>("channel", channelId));
                command.Parameters.Add(new NpgsqlParameter<string>("conversation", conversationId));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            },
            cancellationToken);
    }

    public Task<SessionPage> QueryAsync(SessionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Take);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand { Connection = connection };
                var where = new StringBuilder("WHERE true");
                if (query.Urgency is not null)
                {
                    where.Append(" AND urgency = @urgency");
                    command.Parameters.Add(new NpgsqlParameter<string>("urgency", query.Urgency));
                }

                if (query.Route is not null)
                {
                    where.Append(" AND @route = ANY(routes)");
                    command.Parameters.Add(new NpgsqlParameter<string>("route", query.Route));
                }

                if (query.HasRedFlag is { } hasRedFlag)
                {
                    where.Append(" AND has_red_flag = @redFlag");
                    command.Parameters.Add(new NpgsqlParameter<bool>("redFlag", hasRedFlag));
                }

                if (query.From is { } from)
                {
                    where.Append(" AND started >= @from");
                    command.Parameters.Add(Time("from", from));
                }

                if (query.To is { } to)
                {
                    where.Append(" AND started < @to");
                    command.Parameters.Add(Time("to", to));
                }

                if (query.ChannelId is not null)
                {
                    where.Append(" AND channel_id = @channel");
                    command.Parameters.Add(new NpgsqlParameter<string>("channel", query.ChannelId));
                }

                if (query.ConversationId is not null)
                {
                    // strpos matches the text literally; LIKE would read % and _ in the search as wildcards.
                    where.Append(" AND strpos(conversation_id, @conversation) > 0");
                    command.Parameters.Add(new NpgsqlParameter<string>("conversation", query.ConversationId));
                }

                command.CommandText = $"""
                    SELECT count(*) FROM therapist_sessions {where};
                    SELECT {Columns} FROM therapist_sessions {where}
                    ORDER BY started DESC, seq DESC LIMIT @take OFFSET @skip;
                    """;
                command.Parameters.Add(new NpgsqlParameter<int>("take", query.Take));
                command.Parameters.Add(new NpgsqlParameter<int>("skip", query.Skip));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var total = (int)reader.GetInt64(0);
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                var items = new List<SessionRecord>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.Add(Read(reader));
                }

                return new SessionPage(items, total);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "DELETE FROM therapist_sessions WHERE channel_id = @channel AND conversation_id = @conversation",
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string>("channel", channelId));
                command.Parameters.Add(new NpgsqlParameter<string>("conversation", conversationId));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<SessionKey>> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        database.RunAsync<IReadOnlyList<SessionKey>>(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "DELETE FROM therapist_sessions WHERE updated < @cutoff RETURNING channel_id, conversation_id",
                    connection);
                command.Parameters.Add(Time("cutoff", cutoff));
                var deleted = new List<SessionKey>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    deleted.Add(new SessionKey(reader.GetString(0), reader.GetString(1)));
                }

                return deleted;
            },
            cancellationToken);

    internal static NpgsqlParameter<DateTimeOffset> Time(string name, DateTimeOffset value) =>
        new(name, NpgsqlDbType.TimestampTz) { TypedValue = value.ToUniversalTime() };

    private static SessionRecord Read(NpgsqlDataReader reader) => new()
    {
        ChannelId = reader.GetString(0),
        ConversationId = reader.GetString(1),
        Pseudonym = reader.GetString(2),
        Started = reader.GetFieldValue<DateTimeOffset>(3),
        ConsentedAt = reader.GetFieldValue<DateTimeOffset>(4),
        Updated = reader.GetFieldValue<DateTimeOffset>(5),
        State = JsonSerializer.Deserialize(reader.GetString(6), BotJsonContext.Default.TriageState)
            ?? throw new JsonException("A stored session has an empty state."),
    };
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using BotTriage.Bot.Transcripts;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// <see cref="ITranscriptStore"/> on PostgreSQL, in the same shape as the SQLite one: one row per append (a turn's
/// activities as received: one activity's JSON text, or the JSON array of several, with the first activity's id), one
/// summary row per conversation for listing. An append is one transaction, committed before the task completes;
/// inside a turn it is part of the turn's transaction and sent with its commit. Times are kept to the microsecond
/// (PostgreSQL's resolution).
/// </summary>
public sealed partial class PostgresTranscriptStore : ITranscriptStore
{
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresTranscriptStore> _logger;

    public PostgresTranscriptStore(PostgresDatabase database, TimeProvider timeProvider, ILogger<PostgresTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task AppendAsync(string channelId, string conversationId, IReadOnlyList<JsonElement> activities, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var stored = _timeProvider.GetUtcNow().ToUniversalTime();

        // One row per append, as on SQLite: the activity's JSON text, or the array of several (a turn's message and
        // replies), with the first activity id.
        var text = Encoding.UTF8.GetString(TranscriptActivity.RowText(activities));
        var id = TranscriptActivity.FirstId(activities);
        // Both statements in one round trip and one transaction; inside a turn they go with the turn's next
        // statement or its commit, since nothing is read back.
        await _database.WriteAsync(
            [
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO transcript_activities (channel_id, conversation_id, activity_id, stored, activity)
                    VALUES (@channel, @conversation, @id, @stored, @activity)
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>("channel", channelId),
                        new NpgsqlParameter<string>("conversation", conversationId),
                        new NpgsqlParameter("id", NpgsqlDbType.Text) { Value = (object?)id ?? DBNull.Value },
                        new NpgsqlParameter<DateTimeOffset>("stored", NpgsqlDbType.TimestampTz) { TypedValue = stored },
                        new NpgsqlParameter<string>("activity", text),
                    },
                },
                new NpgsqlBatchCommand(
                    """
                    INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count, touched)
                    VALUES (@channel, @conversation, @stored, @stored, @count, nextval('transcripts_touched'))
                    ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                        last_activity = excluded.last_activity,
                        activity_count = transcripts.activity_count + excluded.activity_count,
                        touched = excluded.touched
                    """)
                {
                    Parameters =
                    {
                        new NpgsqlParameter<string>("channel", channelId),
                        new NpgsqlParameter<string>("conversation", conversationId),
                        new NpgsqlParameter<DateTimeOffset>("stored", NpgsqlDbType.TimestampTz) { TypedValue = stored },
                        new NpgsqlParameter<int>("count", activities.Count),
                    },
                },
            ],
            cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogAppended(_logger, activities.Count, elapsed.TotalMilliseconds);
    }

    public Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return _database.RunAsync<IReadOnlyList<JsonElement>>(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT activity FROM transcript_activities WHERE channel_id = @channel AND conversation_id = @conversation ORDER BY seq",
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string>("channel", channelId));
                command.Parameters.Add(new NpgsqlParameter<string>("conversation", conversationId));
                var activities = new List<JsonElement>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    TranscriptActivity.ReadRow(JsonElement.Parse(reader.GetString(0)), activities);
                }

                return activities;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        return _database.RunAsync<IReadOnlyList<TranscriptInfo>>(
            async connection =>
            {
                // touched breaks ties between conversations appended to within the same clock tick: the later append wins.
                await using var command = new NpgsqlCommand(
                    """
                    SELECT channel_id, conversation_id, created, last_activity, activity_count FROM transcripts
                    ORDER BY last_activity DESC, touched DESC
                    LIMIT @take OFFSET @skip
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter<int>("take", take));
                command.Parameters.Add(new NpgsqlParameter<int>("skip", skip));
                var transcripts = new List<TranscriptInfo>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    transcripts.Add(new TranscriptInfo(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetFieldValue<DateTimeOffset>(2),
                        reader.GetFieldValue<DateTimeOffset>(3),
                        reader.GetInt32(4)));
                }

                return transcripts;
            },
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var deleted = await _database.RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    WITH gone AS (
                        DELETE FROM transcript_activities WHERE channel_id = @channel AND conversation_id = @conversation
                    )
                    DELETE FROM transcripts WHERE channel_id = @channel AND conversation_id = @conversation
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter<string>("channel", channelId));
                command.Parameters.Add(new NpgsqlParameter<string>("conversation", conversationId));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted > 0;
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await _database.RunAsync(
            async connection =>
            {
                // One statement: the summaries deleted decide which activities go, so an append racing the
                // retention run either lands before (and is deleted with its conversation) or revives it.
                await using var command = new NpgsqlCommand(
                    """
                    WITH stale AS (
                        DELETE FROM transcripts WHERE last_activity < @cutoff RETURNING channel_id, conversation_id
                    ), gone AS (
                        DELETE FROM transcript_activities a USING stale s
                        WHERE a.channel_id = s.channel_id AND a.conversation_id = s.conversation_id
                    )
                    SELECT count(*) FROM stale
                    """,
                    connection);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("cutoff", NpgsqlDbType.TimestampTz) { TypedValue = cutoff.ToUniversalTime() });
                return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted;
    }

    [LoggerMessage(EventId = 1170, Level = LogLevel.Debug, Message = "Transcript appended: {Count} activities in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogAppended(ILogger logger, int count, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1171, Level = LogLevel.Information, Message = "Transcripts deleted: {Count}")]
    private static partial void LogDeleted(ILogger logger, int count);
}

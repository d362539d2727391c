using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace BotTriage.Bot.Transcripts;

/// <summary>
/// <see cref="ITranscriptStore"/> in the bot's SQLite file: one row per append (a turn's activities as received: one
/// activity's JSON text, or the JSON array of several, with the first activity's id), one summary row per
/// conversation for listing. An append is one transaction, committed before the task completes (inside a turn: with
/// the turn's other writes, see <see cref="SqliteDatabase"/>).
/// </summary>
public sealed partial class SqliteTranscriptStore : ITranscriptStore
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteTranscriptStore> _logger;

    public SqliteTranscriptStore(SqliteDatabase database, TimeProvider timeProvider, ILogger<SqliteTranscriptStore> logger)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _database = database;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    // After the summary's upsert: the row carries the summary's id, by which a transcript's rows are found.
    private const string InsertActivitySql = """
        INSERT INTO transcript_activities (transcript, channel_id, conversation_id, activity_id, stored, activity)
        SELECT id, $channel, $conversation, $id, $stored, CAST($activity AS TEXT) FROM transcripts
        WHERE channel_id = $channel AND conversation_id = $conversation;
        """;

    private const string UpsertSummarySql = """
        INSERT INTO transcripts (channel_id, conversation_id, created, last_activity, activity_count)
        VALUES ($channel, $conversation, $stored, $stored, $count)
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            last_activity = excluded.last_activity,
            activity_count = activity_count + excluded.activity_count;
        """;

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
        var stored = FormatTime(_timeProvider.GetUtcNow());

        // Prepared before the write queue: the writer does nothing but the statements.
        var text = TranscriptActivity.RowText(activities);
        object id = TranscriptActivity.FirstId(activities) is { } first ? first : DBNull.Value;
        await _database.WriteWithTurnAsync(
            async (connection, transaction, ct) =>
            {
                {
                    var summary = SqliteDatabase.ReusedCommand(connection, transaction, UpsertSummarySql);
                    summary.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
                    summary.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
                    summary.Parameters.Add("$stored", SqliteType.Text).Value = stored;
                    summary.Parameters.Add("$count", SqliteType.Integer).Value = activities.Count;
                    await summary.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                {
                    var insert = SqliteDatabase.ReusedCommand(connection, transaction, InsertActivitySql);
                    insert.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
                    insert.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
                    insert.Parameters.Add("$stored", SqliteType.Text).Value = stored;
                    insert.Parameters.Add("$id", SqliteType.Text).Value = id;
                    insert.Parameters.Add("$activity", SqliteType.Blob).Value = text;
                    if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) != 1)
                    {
                        // The upsert just before made the summary; without it the row would be lost, so nothing is stored.
                        throw new InvalidOperationException("The transcript's summary row is missing; the turn's activities were not stored.");
                    }
                }
            },
            cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        LogAppended(_logger, activities.Count, elapsed.TotalMilliseconds);
    }

    public async Task<IReadOnlyList<JsonElement>> GetActivitiesAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT a.activity FROM transcripts t JOIN transcript_activities a ON a.transcript = t.id
            WHERE t.channel_id = $channel AND t.conversation_id = $conversation
            ORDER BY a.seq;
            """;
        command.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
        command.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
        var activities = new List<JsonElement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            TranscriptActivity.ReadRow(JsonElement.Parse(reader.GetFieldValue<byte[]>(0)), activities);
        }

        return activities;
    }

    public async Task<IReadOnlyList<TranscriptInfo>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        await using var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // rowid breaks ties between conversations touched within the same clock tick: the later append wins.
        command.CommandText = """
            SELECT channel_id, conversation_id, created, last_activity, activity_count FROM transcripts
            ORDER BY last_activity DESC, rowid DESC
            LIMIT $take OFFSET $skip;
            """;
        command.Parameters.Add("$take", SqliteType.Integer).Value = take;
        command.Parameters.Add("$skip", SqliteType.Integer).Value = skip;
        var transcripts = new List<TranscriptInfo>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            transcripts.Add(new TranscriptInfo(
                reader.GetString(0),
                reader.GetString(1),
                ParseTime(reader.GetString(2)),
                ParseTime(reader.GetString(3)),
                reader.GetInt32(4)));
        }

        return transcripts;
    }

    public async Task<bool> DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        var deleted = await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    DELETE FROM transcript_activities WHERE transcript =
                        (SELECT id FROM transcripts WHERE channel_id = $channel AND conversation_id = $conversation);
                    DELETE FROM transcripts WHERE channel_id = $channel AND conversation_id = $conversation;
                    SELECT changes();
                    """;
                command.Parameters.Add("$channel", SqliteType.Text).Value = channelId;
                command.Parameters.Add("$conversation", SqliteType.Text).Value = conversationId;
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted > 0;
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = await _database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;

                // Times are stored as fixed-width UTC ISO-8601 text, so text order is time order.
                command.CommandText = """
                    DELETE FROM transcript_activities WHERE transcript IN
                        (SELECT id FROM transcripts WHERE last_activity < $cutoff);
                    DELETE FROM transcripts WHERE last_activity < $cutoff;
                    SELECT changes();
                    """;
                command.Parameters.Add("$cutoff", SqliteType.Text).Value = FormatTime(cutoff);
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken).ConfigureAwait(false);
        LogDeleted(_logger, deleted);
        return deleted;
    }

    private static string FormatTime(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Transcript appended (in a turn: queued for its commit): {Count} activities in {ElapsedMilliseconds:F2} ms")]
    private static partial void LogAppended(ILogger logger, int count, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Transcripts deleted: {Count}")]
    private static partial void LogDeleted(ILogger logger, int count);
}

using BotTriage.Bot.Storage;
using Microsoft.Data.Sqlite;

namespace BotTriage.Bot.Tests.Storage;

/// <summary>Writes that wait while another commits are committed together, and one that fails takes no other with it.</summary>
public sealed class SqliteWriteBatchTests : IDisposable
{
    private readonly SqliteFiles _files = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));
    private readonly SqliteDatabase _database;

    public SqliteWriteBatchTests()
    {
        _database = _files.Open(_files.File("batch.db"));
    }

    private CancellationToken Token => _timeout.Token;

    public void Dispose()
    {
        _files.Dispose();
        _timeout.Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task AWriteThatFailsInABatchUndoesOnlyItsOwnWork(int failing)
    {
        await _database.WriteAsync((c, t, ct) => ExecuteAsync(c, t, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);", ct), Token);

        // The writer's thread is held inside a first write until the others are queued, so they share one transaction.
        var holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _database.WriteAsync(
            async (c, t, ct) =>
            {
                holding.SetResult();
                await release.Task.WaitAsync(ct);
                return await ExecuteAsync(c, t, "INSERT INTO notes (id, text) VALUES (100, 'first');", ct);
            },
            Token);
        await holding.Task.WaitAsync(Token);

        var runs = new int[5];
        var writes = new Task<int>[5];
        for (var i = 0; i < writes.Length; i++)
        {
            var index = i;
            writes[i] = _database.WriteAsync(
                async (c, t, ct) =>
                {
                    runs[index]++;
                    await ExecuteAsync(c, t, $"INSERT INTO notes (id, text) VALUES ({index}, 'write {index}');", ct);
                    if (index == failing)
                    {
                        throw new InvalidOperationException("write " + index + " fails after its insert");
                    }

                    return index;
                },
                Token);
        }

        release.SetResult();
        await first;
        for (var i = 0; i < writes.Length; i++)
        {
            if (i == failing)
            {
                var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[i]);
                Assert.Equal("write " + i + " fails after its insert", failure.Message);
            }
            else
            {
                Assert.Equal(i, await writes[i]);
            }
        }

        Assert.Equal(1, runs[failing]);
        var stored = await _database.WriteAsync((c, t, ct) => IdsAsync(c, t, ct), Token);
        Assert.Equal([.. Enumerable.Range(0, 5).Where(i => i != failing), 100], stored);
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<long>> IdsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id FROM notes ORDER BY id;";
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}

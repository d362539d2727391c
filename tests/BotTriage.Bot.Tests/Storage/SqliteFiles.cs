using BotTriage.Bot.Storage;
using BotTriage.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotTriage.Bot.Tests.Storage;

/// <summary>
/// SQLite databases of one test, in a folder of its own. Several may open the same file, as two instances or a
/// restart do; every one opened is closed, and the folder deleted, on dispose.
/// </summary>
public sealed class SqliteFiles : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<SqliteDatabase> _opened = [];

    /// <summary>The folder's full path.</summary>
    public string Path => _directory.Path;

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => _directory.File(name);

    /// <summary>A database on the file at <paramref name="path"/>, closed with the others.</summary>
    public SqliteDatabase Open(string path, long walRestartBytes = SqliteDatabase.DefaultWalRestartBytes)
    {
        var database = new SqliteDatabase(new SqliteConnectionStringBuilder { DataSource = path }.ToString(), NullLogger<SqliteDatabase>.Instance)
        {
            WalRestartBytes = walRestartBytes,
        };
        _opened.Add(database);
        return database;
    }

    /// <summary>Closes the database opened last, as a process that stops does.</summary>
    public void CloseLast() => _opened[^1].Dispose();

    public void Dispose()
    {
        _opened.ForEach(d => d.Dispose());
        _directory.Dispose();
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BotTriage.Web.Tests.Support;

/// <summary>Reads a store's SQLite file directly, to see what is durable regardless of the stores' own APIs.</summary>
public static class SqliteFile
{
    /// <summary>The rows of every table, in any column, whose text contains <paramref name="text"/>, as <c>table: value</c>.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string path, string text)
    {
        var found = new List<string>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                    if (value.Contains(text, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"{table}: {value}");
                    }
                }
            }
        }

        return found;
    }
}

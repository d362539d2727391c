using Npgsql;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>What is wrong with a PostgreSQL connection string, found at start rather than at the first turn.</summary>
internal static class PostgresConnectionStringCheck
{
    public static IEnumerable<string> Validate(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            yield return "Storage:ConnectionString must be set for the postgres provider (Host=...;Database=...;Username=...).";
            yield break;
        }

        NpgsqlConnectionStringBuilder? builder = null;
        string? error = null;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            error = $"Storage:ConnectionString is not a valid PostgreSQL connection string: {exception.Message}";
        }

        if (error is not null)
        {
            yield return error;
        }
        else if (string.IsNullOrWhiteSpace(builder!.Host))
        {
            yield return "Storage:ConnectionString names no Host for PostgreSQL.";
        }
    }
}

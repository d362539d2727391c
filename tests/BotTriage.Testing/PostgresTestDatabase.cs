using System.Diagnostics;
using Npgsql;

namespace BotTriage.Testing;

/// <summary>
/// A fresh, empty database on the test cluster that <c>tests/setup/postgres.sh</c> starts (and <c>tests/run.sh</c>
/// sources), dropped on dispose. Without that cluster every PostgreSQL test fails with the command that starts it.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    /// <summary>The variable holding a superuser connection string for the test cluster.</summary>
    public const string ConnectionStringVariable = "BOTTRIAGE_TEST_POSTGRES";

    /// <summary>The variable naming the script that stops and starts the test cluster.</summary>
    public const string ControlScriptVariable = "BOTTRIAGE_TEST_POSTGRES_CTL";

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name on the cluster.</summary>
    public string Name { get; }

    /// <summary>A connection string for this database alone.</summary>
    public string ConnectionString { get; }

    /// <summary>The superuser connection string of the test cluster; throws with the setup command when it is unset.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The PostgreSQL tests need a test cluster: {ConnectionStringVariable} is not set. Run `bash tests/run.sh`, "
                + "or `source tests/setup/postgres.sh` in your shell before `dotnet test`.");

    public static PostgresTestDatabase Create()
    {
        var name = "bottriage_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new PostgresTestDatabase(name, builder.ConnectionString);
    }

    /// <summary>Stops the whole test cluster (every test database goes down with it).</summary>
    public static Task StopServerAsync() => ControlAsync("stop");

    /// <summary>Starts the test cluster again after <see cref="StopServerAsync"/>.</summary>
    public static Task StartServerAsync() => ControlAsync("start");

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static async Task ControlAsync(string action)
    {
        var script = Environment.GetEnvironmentVariable(ControlScriptVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ControlScriptVariable} is not set; source tests/setup/postgres.sh first.");
        using var process = Process.Start(new ProcessStartInfo(script, action) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{script} did not start.");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {action} failed with exit code {process.ExitCode}: {error}");
        }
    }
}

using Npgsql;

namespace BotTriage.Testing;

/// <summary>A fresh, empty database on a <see cref="PostgresTestCluster"/>, dropped on dispose.</summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly PostgresTestCluster _cluster;

    private PostgresTestDatabase(PostgresTestCluster cluster, string name, string connectionString)
    {
        _cluster = cluster;
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name on the cluster.</summary>
    public string Name { get; }

    /// <summary>A connection string for this database alone.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// A web host's settings for this database: the provider, the connection string and the data-protection
    /// key-encryption key, one per database, which every instance on it shares as in production.
    /// </summary>
    public KeyValuePair<string, string?>[] HostSettings =>
    [
        new("Storage:Provider", "postgres"),
        new("Storage:ConnectionString", ConnectionString),
        new("DataProtection:KeyEncryptionKey", KeyEncryptionKey),
    ];

    /// <summary>Base64 of 32 random bytes, made for this database.</summary>
    public string KeyEncryptionKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>A database on the shared test cluster.</summary>
    public static PostgresTestDatabase Create() => Create(PostgresTestCluster.Shared);

    public static PostgresTestDatabase Create(PostgresTestCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var name = "bottriage_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(AdminConnectionString(cluster)))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name };
        return new PostgresTestDatabase(cluster, name, builder.ConnectionString);
    }

    /// <summary>The first column of every row <paramref name="sql"/> returns, as text, in the order it returns them.</summary>
    public async Task<List<string>> ReadStringsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    // Unpooled: a test that restarts the cluster would otherwise leave a dead pooled connection for the next drop.
    private static string AdminConnectionString(PostgresTestCluster cluster) =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Pooling = false }.ConnectionString;

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(AdminConnectionString(_cluster));
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

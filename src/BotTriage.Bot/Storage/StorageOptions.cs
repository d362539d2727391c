namespace BotTriage.Bot.Storage;

/// <summary>
/// The <c>Storage</c> configuration section: which provider keeps bot state and transcripts, and where.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The provider name for the SQLite file store (the default).</summary>
    public const string SqliteProvider = "sqlite";

    /// <summary>The provider name for the in-process store with sliding expiry (development only).</summary>
    public const string MemoryProvider = "memory";

    /// <summary>The provider name for a shared PostgreSQL database (several instances behind one endpoint).</summary>
    public const string PostgresProvider = "postgres";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> or <c>memory</c>.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// A full provider connection string; when empty, SQLite uses <c>bottriage.db</c> in <see cref="DataDirectory"/>.
    /// Required for PostgreSQL (an Npgsql connection string; keep the password in the environment).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The folder that holds <c>bottriage.db</c> when no connection string is set.</summary>
    public string DataDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "BotTriage");

    /// <summary>How long an untouched item stays in the memory provider.</summary>
    public int MemorySlidingExpirationMinutes { get; set; } = 60;
}

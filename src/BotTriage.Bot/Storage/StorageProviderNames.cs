namespace BotTriage.Bot.Storage;

/// <summary>Provider names compare case-insensitively so <c>SQLite</c> in an environment variable works too.</summary>
public static class StorageProviderNames
{
    public static bool Is(string? configured, string provider) =>
        string.Equals(configured?.Trim(), provider, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? configured) =>
        Is(configured, StorageOptions.SqliteProvider) || Is(configured, StorageOptions.MemoryProvider) || Is(configured, StorageOptions.PostgresProvider);
}

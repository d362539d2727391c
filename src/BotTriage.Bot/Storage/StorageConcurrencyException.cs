namespace BotTriage.Bot.Storage;

/// <summary>Thrown when a write's ETag no longer matches what is stored: someone else wrote first.</summary>
public sealed class StorageConcurrencyException : Exception
{
    public StorageConcurrencyException()
        : base("Etag conflict.")
    {
    }

    public StorageConcurrencyException(string key)
        : base($"Etag conflict on key '{key}'.")
    {
        Key = key;
    }

    public StorageConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The key whose write was refused.</summary>
    public string? Key { get; }
}

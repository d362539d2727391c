namespace BotTriage.Bot.Storage;

/// <summary>
/// Thrown by a networked store when its database cannot be reached (down, restarting, out of connections). The
/// operation did not take effect, or its transaction was rolled back; the turn is answered 503 so the channel retries.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : base("The storage database cannot be reached.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

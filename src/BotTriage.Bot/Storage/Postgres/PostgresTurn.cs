using Npgsql;

namespace BotTriage.Bot.Storage.Postgres;

/// <summary>
/// The turn running on one async flow (see <see cref="PostgresDatabase.RunTurnAsync"/>): its connection and
/// transaction, the writes it made whose results nobody reads (sent with its next statement, or just before its
/// commit, in the same round trip), and what its first round trip read of its own conversation. Those reads stay
/// valid until the turn itself writes there: the turn holds the conversation's advisory lock, and outside a turn the
/// conversation's rows are only ever deleted (erasure, retention, expiry), which a turn may see at any point anyway.
/// </summary>
internal sealed class PostgresTurn(string key, NpgsqlConnection connection)
{
    /// <summary>The conversation key the turn holds the lock on, which is also its state's key.</summary>
    public string Key => key;

    public NpgsqlConnection Connection => connection;

    /// <summary>Writes not sent yet, in order.</summary>
    public List<NpgsqlBatchCommand> Deferred { get; } = [];

    /// <summary>The conversation's live row in <c>volatile_conversations</c> at the start of the turn; null once unknown.</summary>
    public VolatileRow? Volatile { get; set; }

    /// <summary>
    /// The conversation's row in <c>bot_state</c> as the turn last saw it: read, row-locked, at the start of the turn,
    /// and replaced by what the turn itself writes there; null once unknown. While the row exists the turn holds its
    /// row lock, so no other writer can change it before the turn ends.
    /// </summary>
    public DurableRow? Durable { get; set; }

    /// <summary>A live (unexpired) volatile row: <paramref name="Exists"/> false when there is none.</summary>
    internal sealed record VolatileRow(bool Exists, string? State);

    /// <summary>The durable state row: <paramref name="Value"/> null when there is none.</summary>
    internal sealed record DurableRow(string? Value, string? ETag);
}

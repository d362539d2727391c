namespace BotTriage.Bot.Storage;

/// <summary>
/// Key/value storage for bot state with optimistic concurrency, in the shape of the Bot Framework's IStorage.
/// Values are JSON documents; every stored value carries an ETag that changes on each write.
/// </summary>
public interface IStorage
{
    /// <summary>Reads the given keys; keys that do not exist are absent from the result.</summary>
    Task<IReadOnlyDictionary<string, StoreItem>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the given items. An item whose <see cref="StoreItem.ETag"/> is null or <c>*</c> is written unconditionally;
    /// otherwise the write only succeeds when the stored ETag matches (or, for a new key, the key does not exist yet),
    /// and <see cref="StorageConcurrencyException"/> is thrown when it does not. Returns the new ETag of each key.
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> WriteAsync(IReadOnlyDictionary<string, StoreItem> changes, CancellationToken cancellationToken);

    /// <summary>Deletes the given keys; missing keys are not an error.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Deletes every key that starts with <paramref name="prefix"/>; returns how many were deleted.</summary>
    Task<int> DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>True when the backing store can be reached (for <c>/healthz</c>).</summary>
    Task<bool> IsHealthyAsync(CancellationToken cancellationToken);
}

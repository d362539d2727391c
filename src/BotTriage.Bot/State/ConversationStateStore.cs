using System.Text.Json;
using BotTriage.Bot.Schema;
using BotTriage.Bot.Storage;
using BotTriage.Core.Triage;

namespace BotTriage.Bot.State;

/// <summary>
/// Loads and saves a conversation's <see cref="TriageState"/> under the consent rule: a conversation whose person
/// has consented lives in the durable <see cref="IStorage"/> at <c>{channelId}/conversations/{conversationId}</c>,
/// saved against the ETag it was read with; any other conversation (consent not yet answered, or declined) lives
/// only in the <see cref="IVolatileConversationStore"/> and is never written durably. The person's language is kept
/// at <c>{channelId}/users/{userId}</c>, also only with consent.
/// </summary>
public sealed class ConversationStateStore(IStorage storage, IVolatileConversationStore volatileCache)
{
    // IStorage writes an item with this ETag only when the key does not exist yet: "create, don't overwrite".
    private const string NewKeyETag = "\"bottriage-new\"";

    public async Task<StoredConversation?> LoadAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = ConversationKeys.Conversation(channelId, conversationId);
        if (await volatileCache.GetStateAsync(key, cancellationToken).ConfigureAwait(false) is { } state)
        {
            return new StoredConversation(state, null, IsDurable: false);
        }

        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(key, out var item))
        {
            return null;
        }

        var stored = item.Deserialize(BotJsonContext.Default.TriageState)
            ?? throw new JsonException($"Stored state at {key} is empty.");
        return new StoredConversation(stored, item.ETag, IsDurable: true);
    }

    /// <summary>
    /// Saves <paramref name="next"/>, durably only with consent. Throws <see cref="StorageConcurrencyException"/>
    /// when another instance saved the conversation since <paramref name="previous"/> was loaded. Returns the JSON
    /// text that was stored durably (which the caller must not change), or empty when the state stays volatile.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>> SaveAsync(string channelId, string conversationId, StoredConversation? previous, TriageState next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var key = ConversationKeys.Conversation(channelId, conversationId);
        if (next.ConsentGiven)
        {
            var etag = previous is { IsDurable: true } ? previous.ETag ?? NewKeyETag : NewKeyETag;
            var item = StoreItem.From(next, BotJsonContext.Default.TriageState, etag);
            await storage.WriteAsync(new Dictionary<string, StoreItem>(1, StringComparer.Ordinal) { [key] = item }, cancellationToken).ConfigureAwait(false);
            await volatileCache.RemoveStateAsync(key, cancellationToken).ConfigureAwait(false);
            return item.Json;
        }

        await volatileCache.SetStateAsync(key, next, cancellationToken).ConfigureAwait(false);
        if (previous is { IsDurable: true })
        {
            // Consent was withdrawn (for example by going back to the question): nothing may stay durable.
            await storage.DeleteAsync([key], cancellationToken).ConfigureAwait(false);
        }

        return ReadOnlyMemory<byte>.Empty;
    }

    /// <summary>Forgets the conversation and the person's stored language, everywhere.</summary>
    public async Task EraseAsync(string channelId, string conversationId, string? userId, CancellationToken cancellationToken)
    {
        var key = ConversationKeys.Conversation(channelId, conversationId);
        await volatileCache.RemoveStateAsync(key, cancellationToken).ConfigureAwait(false);
        string[] keys = userId is null ? [key] : [key, ConversationKeys.User(channelId, userId)];
        await storage.DeleteAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> GetUserCultureAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        var key = ConversationKeys.User(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(key, out var item) ? item.Deserialize(BotJsonContext.Default.UserProfile)?.Culture : null;
    }

    /// <summary>Keeps the person's language; last writer wins, as the SDK's UserState does.</summary>
    public Task SaveUserCultureAsync(string channelId, string userId, string culture, CancellationToken cancellationToken)
    {
        var key = ConversationKeys.User(channelId, userId);
        var item = StoreItem.From(new UserProfile(culture), BotJsonContext.Default.UserProfile);
        return storage.WriteAsync(new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = item }, cancellationToken);
    }
}

using System.Text.Json;

namespace BotTriage.Bot.Storage;

/// <summary>A stored JSON document and the ETag it was read with (or is to be written against).</summary>
public sealed record StoreItem(JsonElement Value, string? ETag = null);

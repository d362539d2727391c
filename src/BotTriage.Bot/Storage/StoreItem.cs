using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BotTriage.Bot.Storage;

/// <summary>
/// A stored JSON document, as its UTF-8 text, and the ETag it was read with (or is to be written against).
/// A store may keep the bytes of an item it is given without copying them, so a writer hands them over: they must
/// not change after the write. Readers get bytes they must not change either (<see cref="ReadOnlyMemory{T}"/>).
/// </summary>
public sealed record StoreItem(ReadOnlyMemory<byte> Json, string? ETag = null)
{
    /// <summary>An item from a parsed document (its text exactly as it was written).</summary>
    public StoreItem(JsonElement value, string? etag = null)
        : this(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value).ToArray(), etag)
    {
    }

    /// <summary>
    /// Whether the item is written whatever is stored (no ETag, or <c>*</c>), as <see cref="IStorage.WriteAsync"/> says;
    /// otherwise only over the ETag it names, or as a new key.
    /// </summary>
    public bool IsUnconditional => string.IsNullOrEmpty(ETag) || ETag == "*";

    /// <summary>The document, parsed on every call: for callers that want a DOM rather than a typed value.</summary>
    public JsonElement Value => JsonElement.Parse(Json.Span);

    /// <summary>An item holding <paramref name="value"/> serialized with its source-generated contract.</summary>
    public static StoreItem From<T>(T value, JsonTypeInfo<T> typeInfo, string? etag = null) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), etag);

    /// <summary>The document read straight into <typeparamref name="T"/>, without a DOM in between.</summary>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(Json.Span, typeInfo);
}

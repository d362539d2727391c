using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>A file or card attached to an activity; either <see cref="Content"/> or <see cref="ContentUrl"/> (A7100).</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

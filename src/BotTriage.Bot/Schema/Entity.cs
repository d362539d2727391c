using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>Metadata about an activity (mentions, client capabilities); everything but <c>type</c> is kept as is.</summary>
public sealed record Entity
{
    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

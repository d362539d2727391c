using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>Everything needed to address a message into an existing conversation.</summary>
public sealed record ConversationReference
{
    public string? ActivityId { get; init; }
    public ChannelAccount? User { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public string? ChannelId { get; init; }
    public string? Locale { get; init; }
    public string? ServiceUrl { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

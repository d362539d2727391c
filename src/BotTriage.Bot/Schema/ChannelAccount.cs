using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>A participant of a conversation: a user or a bot.</summary>
public sealed record ChannelAccount
{
    [JsonConstructor]
    public ChannelAccount()
    {
    }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

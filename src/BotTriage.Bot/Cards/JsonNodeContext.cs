using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Cards;

/// <summary>Serialises the cards' JSON trees without reflection.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class JsonNodeContext : JsonSerializerContext
{
}

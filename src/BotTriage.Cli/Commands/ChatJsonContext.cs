using System.Text.Json.Serialization;

namespace BotTriage.Cli.Commands;

/// <summary>JSON for the chat contract: camelCase, as documented in the README.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ChatResult))]
internal sealed partial class ChatJsonContext : JsonSerializerContext;

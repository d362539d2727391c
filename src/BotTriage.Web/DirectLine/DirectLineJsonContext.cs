using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Web.DirectLine;

/// <summary>The Direct Line bodies, source-generated; names as DL3 writes them (<c>expires_in</c> in snake case).</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DirectLineTokenService.TokenPayload))]
[JsonSerializable(typeof(DirectLineConversationResponse))]
[JsonSerializable(typeof(DirectLineTokenRequest))]
[JsonSerializable(typeof(DirectLineActivitySet))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;

namespace BotTriage.Web.DirectLine;

/// <summary>The Conversation object of DL3: what token, start, reconnect and refresh answer.</summary>
public sealed record DirectLineConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl = null,
    string? UserId = null);

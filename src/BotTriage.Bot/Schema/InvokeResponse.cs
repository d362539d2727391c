using System.Text.Json;

namespace BotTriage.Bot.Schema;

/// <summary>The synchronous answer to an <c>invoke</c> activity: an HTTP status and an optional body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);

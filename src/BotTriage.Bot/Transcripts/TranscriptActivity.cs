using System.Text.Json;

namespace BotTriage.Bot.Transcripts;

/// <summary>Reads the few fields the stores index on, without binding the whole Activity.</summary>
internal static class TranscriptActivity
{
    public static string? GetId(JsonElement activity) =>
        activity.ValueKind == JsonValueKind.Object
        && activity.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}

using System.Text.Json;

namespace BotTriage.Web.DirectLine;

/// <summary>DL3's ActivitySet: activities after a watermark, and the new watermark. Activities are kept as their JSON.</summary>
public sealed record DirectLineActivitySet(IReadOnlyList<JsonElement> Activities, string Watermark);

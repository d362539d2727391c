using System.Text.Json;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Understanding;

/// <summary>A body area by its stable code (<c>lower-back</c>, <c>calf</c>) and side; a plural (<c>kuiten</c>, <c>calves</c>) means both sides.</summary>
public sealed record BodyLocationResolution(string Code, BodySide Side) : EntityResolution
{
    public override string TypeName => EntityTypes.BodyLocation;

    /// <summary>The location as the triage state stores it.</summary>
    public BodyLocation ToBodyLocation() => new(Code, Side);

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("value", Code);
        writer.WriteString("side", Side switch
        {
            BodySide.Left => "left",
            BodySide.Right => "right",
            BodySide.Both => "both",
            _ => "unspecified",
        });
    }
}

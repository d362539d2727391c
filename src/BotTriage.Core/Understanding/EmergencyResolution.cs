using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>An emergency phrase by its stable code (<c>chest-pain</c>, <c>suicidal</c>) and the advice it calls for.</summary>
public sealed record EmergencyResolution(string Code, EmergencyCategory Category) : EntityResolution
{
    public override string TypeName => EntityTypes.Emergency;

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("value", Code);
        writer.WriteString("category", Category == EmergencyCategory.Suicide ? "suicide" : "medical");
    }
}

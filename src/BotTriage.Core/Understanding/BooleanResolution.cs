using System.Text.Json;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Understanding;

/// <summary>
/// A yes, no or don't-know answer. <see cref="Hedged"/> marks softened answers (<c>niet echt</c>, <c>soms</c>,
/// <c>not really</c>), which keep their direction: "sometimes" is a yes, "not really" a no.
/// </summary>
public sealed record BooleanResolution(YesNo Value, bool Hedged = false) : EntityResolution
{
    public override string TypeName => EntityTypes.Boolean;

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Value)
        {
            case YesNo.Yes:
                writer.WriteBoolean("value", true);
                break;
            case YesNo.No:
                writer.WriteBoolean("value", false);
                break;
            default:
                writer.WriteString("value", "unknown");
                break;
        }
    }
}

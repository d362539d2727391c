using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>
/// One recognised entity, shaped like Microsoft.Recognizers.Text's <c>ModelResult</c> so a later swap stays local:
/// <see cref="Start"/> is the index of the first character and <see cref="End"/> the inclusive index of the last
/// character in the original text (as in Recognizers-Text), and <see cref="Text"/> is the original span.
/// </summary>
public sealed record ModelResult(int Start, int End, string Text, EntityResolution Resolution)
{
    /// <summary>The entity type: <c>number</c>, <c>duration</c>, <c>boolean</c>, <c>painScore</c>, <c>bodyLocation</c>, <c>redFlag</c> or <c>emergency</c>.</summary>
    public string TypeName => Resolution.TypeName;

    /// <summary>Writes the entity as the <c>recognize</c> command's JSON object: type, start, end, text, value and the type's extra fields.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", TypeName);
        writer.WriteNumber("start", Start);
        writer.WriteNumber("end", End);
        writer.WriteString("text", Text);
        Resolution.WriteValue(writer);
        writer.WriteEndObject();
    }
}

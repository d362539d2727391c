using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>
/// A number: digits (<c>1.234,5</c> in Dutch, <c>1,234.5</c> in English), words (<c>tweeëntwintig</c>, <c>twenty-one</c>),
/// fractions (<c>3/4</c>, <c>een half</c>) or a vague amount (<c>een paar</c> = 2, <c>enkele</c>/<c>a few</c> = 3),
/// which is marked <see cref="Approximate"/>.
/// </summary>
public sealed record NumberResolution(double Value, bool Approximate = false) : EntityResolution
{
    public override string TypeName => EntityTypes.Number;

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("value", Value);
    }
}

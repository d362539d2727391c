using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotTriage.Bot.Schema;

/// <summary>
/// Writes <c>timestamp</c> as UTC ISO-8601 ending in <c>Z</c> (A2041), where the default writer would put <c>+00:00</c>;
/// reads any ISO-8601 form.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
    }
}

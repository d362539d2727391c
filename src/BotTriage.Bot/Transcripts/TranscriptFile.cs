using System.Text.Json;

namespace BotTriage.Bot.Transcripts;

/// <summary>
/// Reads and writes Bot Framework <c>.transcript</c> files: a JSON array of activities in UTF-8 without a BOM,
/// the format the Bot Framework Emulator opens. Reading also accepts the <c>{ "transcript": [...] }</c> form.
/// </summary>
public static class TranscriptFile
{
    /// <summary>The file extension the Emulator looks for.</summary>
    public const string Extension = ".transcript";

    /// <summary>The media type to serve a transcript file with.</summary>
    public const string ContentType = "application/json";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Writes the activities as one JSON array; the stream is left open.</summary>
    public static async Task WriteAsync(Stream stream, IEnumerable<JsonElement> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(activities);

        // Utf8JsonWriter writes UTF-8 without a byte order mark, as the transcript format requires.
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (var activity in activities)
        {
            // The activity's own text, as the store kept it: no re-escaping of Dutch characters, no reordering.
            // With an indented writer that puts one activity per line.
            writer.WriteRawValue(activity.GetRawText(), skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the activities of a transcript file, in file order.</summary>
    /// <exception cref="FormatException">The content is not a transcript array or object.</exception>
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        JsonDocument document;
        try
        {
            // JsonDocument skips a leading BOM, so files saved by other tools still load.
            document = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw new FormatException("The transcript is not valid JSON.", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            var array = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when TryGetTranscriptArray(root, out var inner) => inner,
                _ => throw new FormatException("A transcript is a JSON array of activities or an object with a 'transcript' array."),
            };

            var activities = new List<JsonElement>(array.GetArrayLength());
            foreach (var activity in array.EnumerateArray())
            {
                if (activity.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"Transcript entry {activities.Count} is not an activity object.");
                }

                activities.Add(activity.Clone());
            }

            return activities;
        }
    }

    private static bool TryGetTranscriptArray(JsonElement root, out JsonElement array)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, "transcript", StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.Array)
            {
                array = property.Value;
                return true;
            }
        }

        array = default;
        return false;
    }
}

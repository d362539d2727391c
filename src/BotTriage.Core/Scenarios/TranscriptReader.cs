using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// Reads a stored Bot Framework <c>.transcript</c> (a JSON array of activities, or an object with a <c>transcript</c>
/// array) as a script: the person's messages are the turns, and the last <c>bottriage.outcome</c> event's value is the
/// outcome to compare with. Messages the person sent before the bot said anything are left out: the bot answers the
/// first message of a conversation with its welcome and does not read it as an answer. The language is the locale of
/// the bot's first message; each turn is dated by its timestamp.
/// </summary>
internal static class TranscriptReader
{
    /// <summary>The name of the event the bot sends with the outcome as its value.</summary>
    public const string OutcomeEventName = "bottriage.outcome";

    public static Script? Read(string path, byte[] content, List<DialogError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            errors.Add(new DialogError(path, (int)(e.LineNumber ?? 0) + 1, string.Create(CultureInfo.InvariantCulture, $"invalid JSON at position {(e.BytePositionInLine ?? 0) + 1} of the line")));
            return null;
        }

        using (document)
        {
            var activities = ActivitiesOf(document.RootElement);
            if (activities is null)
            {
                errors.Add(new DialogError(path, 1, "a transcript is a JSON array of activities or an object with a 'transcript' array"));
                return null;
            }

            return Read(path, content, activities.Value, errors);
        }
    }

    private static Script? Read(string path, byte[] content, JsonElement activities, List<DialogError> errors)
    {
        var turns = ImmutableList.CreateBuilder<ScriptTurn>();
        string? locale = null;
        var botHasSpoken = false;
        JsonElement? outcome = null;
        var outcomeIndex = -1;
        var index = 0;
        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new DialogError(path, LineOfEntry(content, index), string.Create(CultureInfo.InvariantCulture, $"transcript entry {index} is not an activity object")));
                return null;
            }

            var type = Text(activity, "type");
            var fromBot = activity.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
                && string.Equals(Text(from, "role"), "bot", StringComparison.OrdinalIgnoreCase);
            if (fromBot && string.Equals(type, "message", StringComparison.OrdinalIgnoreCase))
            {
                botHasSpoken = true;
                locale ??= Text(activity, "locale");
            }
            else if (!fromBot && string.Equals(type, "message", StringComparison.OrdinalIgnoreCase) && botHasSpoken)
            {
                turns.Add(new ScriptTurn(Text(activity, "text") ?? "") { Today = DayOf(activity) });
            }
            else if (string.Equals(type, "event", StringComparison.OrdinalIgnoreCase)
                && string.Equals(Text(activity, "name"), OutcomeEventName, StringComparison.Ordinal))
            {
                if (!activity.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new DialogError(path, LineOfEntry(content, index), $"the {OutcomeEventName} event has no outcome object as its value"));
                    return null;
                }

                outcome = value.Clone();
                outcomeIndex = index;
            }

            index++;
        }

        // A conversation that never reached a result had the empty outcome that `chat --json` also reports.
        var previous = outcome ?? OutcomeContract.ToJson(new TriageOutcome());
        var line = outcomeIndex >= 0 ? LineOfEntry(content, outcomeIndex) : 1;
        var fields = previous.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => new ExpectedValue(p.Value.Clone(), line), StringComparer.Ordinal);
        return new Script
        {
            File = path,
            Name = Path.GetFileNameWithoutExtension(path),
            Kind = ScriptKind.Transcript,
            Culture = Cultures.FromLocale(locale),
            Turns = turns.ToImmutable(),
            Expected = new ExpectedOutcome(fields, Complete: true) { Line = line },
        };
    }

    private static JsonElement? ActivitiesOf(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                if (string.Equals(property.Name, "transcript", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Array)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The sender's own day when the channel gave it, else the day in UTC.</summary>
    private static DateOnly? DayOf(JsonElement activity)
    {
        foreach (var name in new[] { "localTimestamp", "timestamp" })
        {
            if (Text(activity, name) is { } stamp
                && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
            {
                return DateOnly.FromDateTime(name == "timestamp" ? moment.UtcDateTime : moment.DateTime);
            }
        }

        return null;
    }

    /// <summary>The 1-based line an entry of the activity array starts on, for error messages.</summary>
    private static int LineOfEntry(byte[] content, int entry)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var arrayDepth = -1;
        var seen = 0;
        while (reader.Read())
        {
            if (arrayDepth < 0)
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    arrayDepth = reader.CurrentDepth;
                }

                continue;
            }

            if (reader.CurrentDepth == arrayDepth + 1 && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
            {
                if (seen++ == entry)
                {
                    return content.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;
                }
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return 1;
    }
}

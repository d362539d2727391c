using System.Runtime.InteropServices;
using System.Text.Json;

namespace BotTriage.Bot.Transcripts;

/// <summary>
/// What the database stores keep of an append: one row per append, holding one activity's JSON text, or the JSON
/// array of several, with the first activity id for the row. Reads the few fields the stores index on, without
/// binding the whole Activity.
/// </summary>
internal static class TranscriptActivity
{
    public static string? GetId(JsonElement activity) =>
        activity.ValueKind == JsonValueKind.Object
        && activity.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    /// <summary>The first id among the activities; trace and other local activities carry none.</summary>
    public static string? FirstId(IReadOnlyList<JsonElement> activities)
    {
        foreach (var activity in activities)
        {
            if (GetId(activity) is { } id)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Refuses an append with an activity that is not a JSON object, before anything of it is stored.</summary>
    public static void EnsureObjects(IReadOnlyList<JsonElement> activities)
    {
        foreach (var activity in activities)
        {
            if (activity.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("A transcript activity is a JSON object.", nameof(activities));
            }
        }
    }

    /// <summary>
    /// The UTF-8 text of a row: the activity's own text when there is one, else the array of their texts, each
    /// exactly as received. Every activity must be a JSON object, so that a row's array is never one activity.
    /// </summary>
    public static byte[] RowText(IReadOnlyList<JsonElement> activities)
    {
        EnsureObjects(activities);
        if (activities.Count == 1)
        {
            return JsonMarshal.GetRawUtf8Value(activities[0]).ToArray();
        }

        var length = activities.Count + 1;
        foreach (var activity in activities)
        {
            length += JsonMarshal.GetRawUtf8Value(activity).Length;
        }

        var text = new byte[length];
        var at = 0;
        for (var i = 0; i < activities.Count; i++)
        {
            text[at++] = i == 0 ? (byte)'[' : (byte)',';
            var raw = JsonMarshal.GetRawUtf8Value(activities[i]);
            raw.CopyTo(text.AsSpan(at));
            at += raw.Length;
        }

        text[at] = (byte)']';
        return text;
    }

    /// <summary>Adds the activities of a stored row, in order.</summary>
    public static void ReadRow(JsonElement row, List<JsonElement> activities)
    {
        if (row.ValueKind == JsonValueKind.Array)
        {
            activities.AddRange(row.EnumerateArray());
        }
        else
        {
            activities.Add(row);
        }
    }
}

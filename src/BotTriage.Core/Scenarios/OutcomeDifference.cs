using System.Globalization;
using System.Text.Json;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// One field of the outcome that is not what the script expected. Lists are given as their sorted codes (reasons as
/// their rule ids); a value that is absent is null.
/// </summary>
public sealed record OutcomeDifference(string Field, int Line, JsonElement? Expected, JsonElement? Actual)
{
    /// <summary>A value as a person reads it: a code bare, a list as <c>[a, b]</c>, an absent value as <c>(none)</c>.</summary>
    public static string Describe(JsonElement? value) => value switch
    {
        null => "(none)",
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        { ValueKind: JsonValueKind.Array } list => "[" + string.Join(", ", list.EnumerateArray().Select(item => Describe(item))) + "]",
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        { } other => other.GetRawText(),
    };

    /// <summary>The <c>file:line: field: expected X, actual Y</c> line (<c>previous</c> and <c>now</c> for a transcript).</summary>
    public string Format(string file, ScriptKind kind)
    {
        var (before, after) = kind == ScriptKind.Transcript ? ("previous", "now") : ("expected", "actual");
        return string.Create(CultureInfo.InvariantCulture, $"{file}:{Line}: {Field}: {before} {Describe(Expected)}, {after} {Describe(Actual)}");
    }
}

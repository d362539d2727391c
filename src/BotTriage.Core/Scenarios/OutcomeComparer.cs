using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// Compares an outcome, as contract JSON, with what a script expects. Lists are sets: order and repeats do not
/// matter, and an absent list is an empty one, as an absent object is an empty one and an absent flag is false (so a
/// list, object or flag the outcome gains later does not break older scripts).
/// Items of a list of objects are compared by their <c>rule</c>, <c>code</c> or <c>id</c>, so a reworded reason
/// is not a different outcome but a reason from another rule is; other items are compared whole and shown as a digest.
/// </summary>
public static class OutcomeComparer
{
    private static readonly string[] IdentityProperties = ["rule", "code", "id"];

    public static ImmutableList<OutcomeDifference> Compare(ExpectedOutcome expected, JsonElement actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The outcome must be a JSON object.", nameof(actual));
        }

        var names = new SortedSet<string>(expected.Fields.Keys, StringComparer.Ordinal);
        if (expected.Complete)
        {
            names.UnionWith(actual.EnumerateObject().Select(p => p.Name));
        }

        var differences = ImmutableList.CreateBuilder<OutcomeDifference>();
        foreach (var name in names)
        {
            JsonElement? wantedAsWritten = expected.Fields.TryGetValue(name, out var value) ? value.Value : null;
            var line = value?.Line ?? expected.Line;
            JsonElement? gotAsWritten = actual.TryGetProperty(name, out var property) ? property : null;
            if (Normalize(Present(wantedAsWritten), Present(gotAsWritten)) is var (left, right) && !Same(left, right))
            {
                differences.Add(new OutcomeDifference(name, line, left ?? False(wantedAsWritten), right ?? False(gotAsWritten)));
            }
        }

        return differences.ToImmutable();
    }

    /// <summary>
    /// An explicit JSON null is the same as leaving the field out, as the contract writes it; so are an empty object
    /// (no scores) and <c>false</c>, so that an object or a flag the outcome gains later does not break older scripts
    /// either.
    /// </summary>
    private static JsonElement? Present(JsonElement? value) =>
        value is not { } present || present.ValueKind is JsonValueKind.Null or JsonValueKind.False || (present.ValueKind == JsonValueKind.Object && !present.EnumerateObject().Any()) ? null : present;

    /// <summary>A <c>false</c> written out, to show a difference as "expected false" rather than "expected (none)".</summary>
    private static JsonElement? False(JsonElement? value) => value is { ValueKind: JsonValueKind.False } ? value : null;

    /// <summary>Lists become sorted arrays of their items' identities; a missing list beside a list becomes empty.</summary>
    private static (JsonElement? Expected, JsonElement? Actual) Normalize(JsonElement? expected, JsonElement? actual)
    {
        var list = IsList(expected) || IsList(actual);
        if (!list)
        {
            return (expected, actual);
        }

        return (AsSet(expected), AsSet(actual));
    }

    private static bool IsList(JsonElement? value) => value is { ValueKind: JsonValueKind.Array };

    private static JsonElement AsSet(JsonElement? value)
    {
        var items = new SortedSet<string>(StringComparer.Ordinal);
        if (value is { ValueKind: JsonValueKind.Array } array)
        {
            foreach (var item in array.EnumerateArray())
            {
                items.Add(Identity(item));
            }
        }
        else if (value is { ValueKind: not JsonValueKind.Null } single)
        {
            items.Add(Identity(single));
        }

        return JsonSerializer.SerializeToElement(items.ToArray(), ScenarioJsonContext.Default.StringArray);
    }

    private static string Identity(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString()!;
        }

        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in IdentityProperties)
            {
                if (item.TryGetProperty(name, out var id) && id.ValueKind == JsonValueKind.String)
                {
                    return id.GetString()!;
                }
            }
        }

        // Compared by content but shown only as a digest: an item may hold the person's own words.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(item.GetRawText()));
        return "#" + Convert.ToHexStringLower(digest.AsSpan(0, 6));
    }

    private static bool Same(JsonElement? expected, JsonElement? actual) =>
        (expected, actual) switch
        {
            (null, null) => true,
            ({ } left, { } right) => JsonElement.DeepEquals(left, right),
            _ => false,
        };
}

using System.Collections.Immutable;
using System.Text.Json;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// The outcome as its public JSON contract (<see cref="TriageJsonContext"/>), and the fields a script may name. The
/// fields are read from the contract's metadata, so a field added to <see cref="TriageOutcome"/> can be expected in a
/// vignette and is compared in a transcript without changes here.
/// </summary>
public static class OutcomeContract
{
    /// <summary>
    /// Fields vignettes may name before the outcome carries them; a missing list compares as empty. Contraindications
    /// are part of the agreed vignette format, so vignettes can be written ahead of the content that reports them.
    /// </summary>
    private static readonly ImmutableDictionary<string, OutcomeFieldKind> Announced =
        ImmutableDictionary<string, OutcomeFieldKind>.Empty.Add("contraindications", OutcomeFieldKind.Codes);

    private static readonly Lazy<ImmutableSortedDictionary<string, OutcomeFieldKind>> KnownFields = new(ReadFields);

    /// <summary>The fields of the contract by JSON name, with how a vignette writes each.</summary>
    public static ImmutableSortedDictionary<string, OutcomeFieldKind> Fields => KnownFields.Value;

    /// <summary>The urgency codes of the contract.</summary>
    public static ImmutableArray<string> Urgencies { get; } = ["T0", "T1", "T2", "T3", "T4", "none"];

    /// <summary>The outcome as the JSON that <c>chat --json</c> and the <c>bottriage.outcome</c> event carry.</summary>
    public static JsonElement ToJson(TriageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return JsonSerializer.SerializeToElement(outcome, TriageJsonContext.Default.TriageOutcome);
    }

    private static ImmutableSortedDictionary<string, OutcomeFieldKind> ReadFields()
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, OutcomeFieldKind>(StringComparer.Ordinal);
        foreach (var property in TriageJsonContext.Default.TriageOutcome.Properties)
        {
            fields[property.Name] = KindOf(property.PropertyType);
        }

        foreach (var (name, kind) in Announced)
        {
            fields.TryAdd(name, kind);
        }

        return fields.ToImmutable();
    }

    private static OutcomeFieldKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return OutcomeFieldKind.Text;
        }

        if (type == typeof(bool))
        {
            return OutcomeFieldKind.Flag;
        }

        if (type == typeof(int) || type == typeof(double) || type == typeof(decimal) || type == typeof(long))
        {
            return OutcomeFieldKind.Number;
        }

        return typeof(IEnumerable<string>).IsAssignableFrom(type) ? OutcomeFieldKind.Codes : OutcomeFieldKind.Other;
    }
}

using System.Collections.Immutable;

namespace BotTriage.Core.Conditions;

/// <summary>
/// What a reference in a condition resolves to: nothing (not answered), a symbol (<c>yes</c>, a choice code),
/// a number, or a set of codes (body locations, red flags).
/// </summary>
public readonly record struct ConditionValue
{
    private ConditionValue(string? symbol, double? number, ImmutableHashSet<string>? set)
    {
        Symbol = symbol;
        Number = number;
        Set = set;
    }

    public static ConditionValue Missing => default;

    public string? Symbol { get; }

    public double? Number { get; }

    public ImmutableHashSet<string>? Set { get; }

    public bool IsMissing => Symbol is null && Number is null && Set is null;

    public static ConditionValue OfSymbol(string symbol) => new(symbol, null, null);

    public static ConditionValue OfNumber(double number) => new(null, number, null);

    public static ConditionValue OfSet(IEnumerable<string> codes) => new(null, null, codes.ToImmutableHashSet(StringComparer.Ordinal));
}

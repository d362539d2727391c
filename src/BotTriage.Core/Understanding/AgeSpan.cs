namespace BotTriage.Core.Understanding;

/// <summary>
/// The ages a message says the person is, both ends included: one age ("ik ben 62": 62 to 62) or a bound ("ouder dan
/// 50": 51 to 120, "onder de 20": 1 to 19, "tussen 20 en 50": 20 to 50).
/// </summary>
public readonly record struct AgeSpan(int Youngest, int Oldest)
{
    /// <summary>The lowest age a message can say.</summary>
    public const int MinAge = 1;

    /// <summary>The highest age a message can say.</summary>
    public const int MaxAge = 120;

    /// <summary>Whether <paramref name="value"/> can be an age: a whole number of years from <see cref="MinAge"/> to <see cref="MaxAge"/>.</summary>
    public static bool IsAge(double value) => value is >= MinAge and <= MaxAge && value == Math.Floor(value);
}

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// A body temperature said in digits names <see cref="Code"/> (red-flags.yaml <c>temperature</c>): a number from
/// <see cref="Lowest"/> to <see cref="Highest"/> degrees with a word of <see cref="After"/> behind it ("39 graden",
/// "38,5 °C") or of <see cref="Before"/> in front of it ("temperatuur van 38,4"). From <see cref="Fever"/> on it is
/// the code; below it, the code denied ("37 graden"). A number with a word of <see cref="Fahrenheit"/> behind it
/// ("101F", "99.5 fahrenheit") is read in degrees Fahrenheit.
/// </summary>
internal sealed class TemperatureReading(string code, double fever)
{
    /// <summary>The lowest number read as a body temperature; lower is the weather or a room.</summary>
    public const double Lowest = 34;

    /// <summary>The highest number read as a body temperature.</summary>
    public const double Highest = 43;

    public string Code { get; } = code;

    public double Fever { get; } = fever;

    public PhraseTrie<bool> Before { get; } = new();

    public PhraseTrie<bool> After { get; } = new();

    public PhraseTrie<bool> Fahrenheit { get; } = new();

    /// <summary>Degrees Celsius of a number in <paramref name="fahrenheit"/>.</summary>
    public static double FromFahrenheit(double fahrenheit) => (fahrenheit - 32) * 5 / 9;
}

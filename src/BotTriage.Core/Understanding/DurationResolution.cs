using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>
/// A duration in seconds, with Recognizers-Text's unit sizes: day 86400, week 604800, month 2592000 (30 days),
/// year 31536000 (365 days). <see cref="Approximate"/> is true for hedged amounts (<c>ongeveer</c>, <c>ruim</c>,
/// <c>een week of drie</c>, <c>about</c>, <c>years</c>) and for starts that are only a month or a year (<c>sinds januari</c>).
/// </summary>
public sealed record DurationResolution(long Seconds, bool Approximate) : EntityResolution
{
    public const long SecondsPerDay = 86_400;
    public const long SecondsPerWeek = 604_800;
    public const long SecondsPerMonth = 2_592_000;
    public const long SecondsPerYear = 31_536_000;

    public override string TypeName => EntityTypes.Duration;

    /// <summary>The duration in (possibly fractional) weeks, the unit the triage rules use.</summary>
    public double Weeks => Seconds / (double)SecondsPerWeek;

    /// <summary>
    /// A bare plural without a count ("al weken", "for months"): <see cref="Seconds"/> holds two of the unit, the least
    /// it can mean, and <see cref="Unit"/> the unit's size, so a triage can ask how many.
    /// </summary>
    public bool Vague => Unit > 0;

    /// <summary>The unit's size in seconds when <see cref="Vague"/>; 0 otherwise.</summary>
    public long Unit { get; init; }

    /// <summary>Said after a since-word ("sinds 2 weken"): of several durations in a message, the one of the complaint.</summary>
    public bool Since { get; init; }

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("value", Seconds);
        writer.WriteBoolean("approximate", Approximate);
        if (Vague)
        {
            writer.WriteBoolean("vague", true);
        }
    }
}

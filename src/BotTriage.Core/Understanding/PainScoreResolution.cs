using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>A pain score from 0 to 10 (<c>een 7</c>, <c>7/10</c>, <c>like an 8</c>); a range such as <c>6 of 7</c> resolves to its upper end.</summary>
public sealed record PainScoreResolution(double Value) : EntityResolution
{
    public override string TypeName => EntityTypes.PainScore;

    /// <summary>
    /// "Geen pijn", "no pain", "matig": a score in words, which answers the pain question but says nothing in passing
    /// ("nee, geen pijn" to the chest-pain screen is about the chest).
    /// </summary>
    public bool InWords { get; init; }

    /// <summary>
    /// A number alone ("7", "zeven", "5 or 6"), without an article, a scale ("/10") or a usual cue: a score where the
    /// pain is asked, but to how long it is ("zeven") a count of what is asked.
    /// </summary>
    public bool Bare { get; init; }

    /// <summary>Said as the usual pain ("meestal een 4", "usually a 4"), which the pain question asks for, beside others ("soms een 8").</summary>
    public bool Usual { get; init; }

    /// <summary>
    /// Said as one of the pain's ups and downs ("soms 8, soms 3", "sometimes an 8"): where the scores told are all
    /// such, the pain question takes the worst of them.
    /// </summary>
    public bool Sometimes { get; init; }

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("value", Value);
        if (Usual)
        {
            writer.WriteBoolean("usual", true);
        }

        if (Sometimes)
        {
            writer.WriteBoolean("sometimes", true);
        }
    }
}

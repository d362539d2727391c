using System.Text.Json;

namespace BotTriage.Core.Understanding;

/// <summary>A red-flag symptom by its stable code (<c>fever</c>, <c>sudden-weakness</c>); <see cref="Negated"/> when the person said they do not have it (<c>geen koorts</c>).</summary>
public sealed record RedFlagResolution(string Code, bool Negated) : EntityResolution
{
    public override string TypeName => EntityTypes.RedFlag;

    /// <summary>
    /// Read from a word and when it happened (<c>vorig jaar geopereerd</c>, negated because it was long ago) or its
    /// negation (<c>nooit geopereerd</c>): the text holds both, and says what it means as it stands.
    /// </summary>
    public bool Timed { get; init; }

    /// <summary>
    /// Whether a time told with the mention is when the complaint began too, not only when that happened: a race
    /// (<see cref="Timed"/>), or a sign a complaint starts with, such as a fall (red-flags.yaml <c>onset</c>).
    /// </summary>
    public bool TimesComplaint { get; init; }

    /// <summary>
    /// Whether the sign is a state or history whose time is its own (red-flags.yaml <c>ownTime</c>): a length told in a
    /// clause of its own right after it is its time, not the complaint's ("breast cancer, all clear 4 years").
    /// </summary>
    public bool OwnTime { get; init; }

    /// <summary>
    /// Where the negation cue that denies the phrase from before starts in the message (a character index), if one
    /// does: the "nooit" of "nooit kanker gehad", which is then no answer of its own to another question.
    /// </summary>
    public int? CueStart { get; init; }

    public override void WriteValue(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("value", Code);
        writer.WriteBoolean("negated", Negated);
        if (Timed)
        {
            writer.WriteBoolean("timed", true);
        }
    }
}

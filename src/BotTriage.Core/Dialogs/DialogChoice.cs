using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>One choice of a choice question: its stable code and its label in both languages.</summary>
public sealed record DialogChoice(string Code, LocalizedText Label)
{
    /// <summary>The points this choice adds to the scores the question counts towards (PHQ-2: 0-3), if any.</summary>
    public int? Score { get; init; }

    /// <summary>
    /// For a question on how often in the past two weeks: the fewest days this choice stands for (the dialogs' <c>days</c>),
    /// so "3 dagen" picks "een paar dagen" rather than the choice that scores 3.
    /// </summary>
    public int? FromDays { get; init; }

    /// <summary>
    /// For a question on how much, asked right after a score from 0 to 10: the least such score this choice stands for
    /// (the dialogs' <c>from-ten</c>), so a bare "8" picks "heel veel" and "2" "een beetje", not the choice that scores 2.
    /// </summary>
    public int? FromTen { get; init; }

    /// <summary>
    /// Other words that pick this choice, in either language ("nooit" for "helemaal niet"), lower case, as written in
    /// the dialogs' <c>also</c>; the label itself always does.
    /// </summary>
    public ImmutableArray<string> Also { get; init; } = [];

    /// <summary>
    /// Words that pick this choice only as the whole message, as written in the dialogs' <c>alone</c>: "veel" answers
    /// "how often?" on its own, but "ik werk veel achter de computer" says nothing about how often.
    /// </summary>
    public ImmutableArray<string> Alone { get; init; } = [];
}

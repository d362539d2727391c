using System.Collections.Immutable;

namespace BotTriage.Core.Triage;

/// <summary>
/// One answer, typed by the kind of question it answers, with the person's own words kept as evidence.
/// Only the fields of its kind are set, and the sign a yes named (<see cref="Choice"/>).
/// </summary>
public sealed record Answer
{
    public required AnswerKind Kind { get; init; }

    /// <summary>The words that gave this answer, as the person wrote them.</summary>
    public string Evidence { get; init; } = "";

    public YesNo? YesNo { get; init; }
    /// <summary>
    /// The chosen option's code; for a yes to a red-flag question about several signs, the one of its other signs the
    /// yes named (<see cref="Dialogs.DialogState.Covers"/>).
    /// </summary>
    public string? Choice { get; init; }
    public double? Number { get; init; }
    public long? Seconds { get; init; }
    public bool Approximate { get; init; }
    public ImmutableList<BodyLocation> Locations { get; init; } = [];
    public string? Text { get; init; }
}

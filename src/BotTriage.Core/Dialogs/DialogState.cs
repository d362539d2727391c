using System.Collections.Immutable;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// One state of the triage flow: a question with the kind of answer it expects, or an outcome.
/// The state's id is also the key its answer is stored under.
/// </summary>
public sealed record DialogState
{
    public required string Id { get; init; }

    public required AnswerKind Kind { get; init; }

    public required LocalizedText Question { get; init; }

    public ImmutableList<DialogChoice> Choices { get; init; } = [];

    public ImmutableList<DialogTransition> Transitions { get; init; } = [];

    /// <summary>True for a state that ends the triage and shows the result.</summary>
    public bool IsOutcome { get; init; }

    /// <summary>For a yes/no question about a red flag: the flag's code, so a "yes" records it and free text can answer it.</summary>
    public string? RedFlag { get; init; }

    /// <summary>Smallest and largest accepted number, for number and scale questions.</summary>
    public double? Min { get; init; }

    public double? Max { get; init; }

    public required SourceLine Source { get; init; }

    /// <summary>The answers that can leave this state, which are the triggers of its transitions.</summary>
    public ImmutableArray<string> Triggers => Kind switch
    {
        AnswerKind.YesNo => [Trigger.Yes, Trigger.No, Trigger.Unknown],
        AnswerKind.Choice => [.. Choices.Select(c => c.Code)],
        _ => IsOutcome ? [] : [Trigger.Answered],
    };
}

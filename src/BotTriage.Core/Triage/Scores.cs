using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Questionnaire scores (PHQ-2, GAD-2, ...): the sum of the points of the choices given to a score's questions, and of
/// the numbers given to its scale questions (the pain score, 0-10).
/// </summary>
public static class Scores
{
    /// <summary>Every score with at least one of its questions answered; a score nobody answered is absent, not zero.</summary>
    public static ImmutableSortedDictionary<string, int> Of(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        var scores = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (name, items) in flow.Scores)
        {
            int? sum = null;
            foreach (var item in items)
            {
                if (answers.TryGetValue(item, out var answer) && flow.TryGet(item, out var question) && Points(question, answer) is { } points)
                {
                    sum = (sum ?? 0) + points;
                }
            }

            if (sum is { } total)
            {
                scores[name] = total;
            }
        }

        return scores.ToImmutable();
    }

    /// <summary>The points an answer to a score's question adds: its choice's, or a scale's number; null when it adds none.</summary>
    public static int? Points(DialogState question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return question.Kind == AnswerKind.Scale
            ? answer.Number is { } number ? (int)Math.Round(number, MidpointRounding.AwayFromZero) : null
            : Points(question, answer.Choice);
    }

    private static int? Points(DialogState question, string? choice)
    {
        foreach (var option in question.Choices)
        {
            if (option.Code == choice)
            {
                return option.Score;
            }
        }

        return null;
    }
}

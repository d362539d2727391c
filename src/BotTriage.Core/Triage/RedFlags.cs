using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Where red flags live in the answers: a "yes" to a question that carries a red flag, or a red flag the person
/// mentioned in their own words that no question asks about, stored under <c>redflag.{code}</c>.
/// </summary>
public static class RedFlags
{
    private const string ExtraPrefix = "redflag.";

    /// <summary>The answer key for a red flag that was mentioned but has no question of its own.</summary>
    public static string ExtraKey(string code) => ExtraPrefix + code;

    /// <summary>Whether <paramref name="key"/> is the answer key of a red flag mentioned in passing.</summary>
    public static bool IsExtraKey(string key) => key is not null && key.StartsWith(ExtraPrefix, StringComparison.Ordinal) && key.Length > ExtraPrefix.Length;

    /// <summary>The red flag's code when <paramref name="key"/> is the answer key of one mentioned in passing.</summary>
    public static bool TryGetExtraCode(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? code)
    {
        ArgumentNullException.ThrowIfNull(key);
        code = IsExtraKey(key) ? key[ExtraPrefix.Length..] : null;
        return code is not null;
    }

    /// <summary>The codes of every red flag the person confirmed, in flow order then mention order.</summary>
    public static ImmutableHashSet<string> Reported(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        // A set has no order, so one pass over the answers finds both kinds: a "yes" is rare, and only then is its key
        // looked at.
        var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        if (answers is ImmutableSortedDictionary<string, Answer> sorted)
        {
            foreach (var (key, answer) in sorted)
            {
                if (answer.YesNo == YesNo.Yes)
                {
                    AddCodes(flow, key, answer, codes);
                }
            }
        }
        else
        {
            foreach (var (key, answer) in answers)
            {
                if (answer.YesNo == YesNo.Yes)
                {
                    AddCodes(flow, key, answer, codes);
                }
            }
        }

        return codes.ToImmutable();
    }

    /// <summary>
    /// The red flag a "yes" to <paramref name="question"/> reports: the question's own, or the one of the other signs it
    /// asks about that the yes named (<see cref="DialogState.Covers"/>).
    /// </summary>
    public static string CodeOf(DialogState question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(answer);
        return answer.Choice is { } named && question.Covers.Contains(named) ? named : question.RedFlag!;
    }

    /// <summary>Adds the red flags a "yes" under <paramref name="key"/> reports: its question's, and its own as a mention.</summary>
    private static void AddCodes(FlowDefinition flow, string key, Answer answer, ImmutableHashSet<string>.Builder codes)
    {
        if (flow.RedFlagCodes.TryGetValue(key, out var code))
        {
            codes.Add(answer.Choice is null ? code : CodeOf(flow[key], answer));
        }

        if (TryGetExtraCode(key, out var extra))
        {
            codes.Add(extra);
        }
    }

    /// <summary>
    /// Each red flag whose question the person could not answer ("weet ik niet") and did not report otherwise, with
    /// that question: when in doubt, the GP looks.
    /// </summary>
    public static IEnumerable<(string Code, DialogState Question)> Unsure(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        ImmutableHashSet<string>? reported = null;
        foreach (var question in flow.RedFlagQuestions)
        {
            if (answers.TryGetValue(question.Id, out var answer) && answer.YesNo == YesNo.Unknown
                && !(reported ??= Reported(flow, answers)).Contains(question.RedFlag!))
            {
                yield return (question.RedFlag!, question);
            }
        }
    }

    /// <summary>Each confirmed red flag with the answer that confirmed it.</summary>
    public static IEnumerable<(string Code, Answer Answer)> Evidence(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        return Collect(flow, answers);
    }

    /// <summary><see cref="Evidence"/> as a list of its own, for callers that add to it.</summary>
    internal static List<(string Code, Answer Answer)> Collect(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        var found = new List<(string Code, Answer Answer)>();
        foreach (var question in flow.RedFlagQuestions)
        {
            if (answers.TryGetValue(question.Id, out var answer) && answer.YesNo == YesNo.Yes)
            {
                found.Add((CodeOf(question, answer), answer));
            }
        }

        if (answers is ImmutableSortedDictionary<string, Answer> sorted)
        {
            foreach (var (key, answer) in sorted)
            {
                if (IsExtra(key, answer))
                {
                    found.Add((key[ExtraPrefix.Length..], answer));
                }
            }
        }
        else
        {
            foreach (var (key, answer) in answers)
            {
                if (IsExtra(key, answer))
                {
                    found.Add((key[ExtraPrefix.Length..], answer));
                }
            }
        }

        return found;
    }

    private static bool IsExtra(string key, Answer answer) =>
        answer.YesNo == YesNo.Yes && key.StartsWith(ExtraPrefix, StringComparison.Ordinal);
}

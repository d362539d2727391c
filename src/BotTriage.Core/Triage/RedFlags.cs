using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Where red flags live in the answers: a "yes" to a question that carries a red flag, or a red flag the person
/// mentioned in their own words that no question asks about, stored under <c>redflag.{code}</c>.
/// </summary>
public static class RedFlags
{
    /// <summary>The answer key for a red flag that was mentioned but has no question of its own.</summary>
    public static string ExtraKey(string code) => "redflag." + code;

    /// <summary>The codes of every red flag the person confirmed, in flow order then mention order.</summary>
    public static ImmutableHashSet<string> Reported(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (code, _) in Evidence(flow, answers))
        {
            codes.Add(code);
        }

        return codes.ToImmutable();
    }

    /// <summary>Each confirmed red flag with the answer that confirmed it.</summary>
    public static IEnumerable<(string Code, Answer Answer)> Evidence(FlowDefinition flow, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(answers);
        foreach (var state in flow.States)
        {
            if (state.RedFlag is { } code && answers.TryGetValue(state.Id, out var answer) && answer.YesNo == YesNo.Yes)
            {
                yield return (code, answer);
            }
        }

        foreach (var (key, answer) in answers)
        {
            if (key.StartsWith("redflag.", StringComparison.Ordinal) && answer.YesNo == YesNo.Yes)
            {
                yield return (key["redflag.".Length..], answer);
            }
        }
    }
}

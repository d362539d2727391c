using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Which massage contraindications the person reported: a "yes" to a contraindication question, or a red flag that
/// the contraindication table counts as one (fever, calf thrombosis signs). The table then says which massage types
/// each rules out.
/// </summary>
public static class Contraindications
{
    /// <summary>Each reported contraindication with the answer that reported it, in table order.</summary>
    public static IEnumerable<(string Code, Answer Answer)> Evidence(FlowDefinition flow, ImmutableList<ContraindicationRule> table, IReadOnlyDictionary<string, Answer> answers, IEnumerable<(string Code, Answer Answer)> redFlags)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(redFlags);
        return Collect(flow, table, answers, redFlags as List<(string Code, Answer Answer)> ?? [.. redFlags]);
    }

    /// <summary>The codes of the reported contraindications.</summary>
    public static ImmutableHashSet<string> Reported(FlowDefinition flow, ImmutableList<ContraindicationRule> table, IReadOnlyDictionary<string, Answer> answers)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(answers);
        var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var (code, _) in Collect(flow, table, answers, RedFlags.Collect(flow, answers)))
        {
            codes.Add(code);
        }

        return codes.ToImmutable();
    }

    /// <summary>The massage types the given contraindications rule out.</summary>
    public static ImmutableHashSet<string> RuledOut(ImmutableList<ContraindicationRule> table, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(codes);
        var reported = codes.ToHashSet(StringComparer.Ordinal);
        var ruledOut = ImmutableHashSet.CreateBuilder<string>();
        foreach (var row in table)
        {
            if (reported.Contains(row.Code))
            {
                ruledOut.UnionWith(row.RulesOut);
            }
        }

        return ruledOut.ToImmutable();
    }

    internal static List<(string Code, Answer Answer)> Collect(FlowDefinition flow, ImmutableList<ContraindicationRule> table, IReadOnlyDictionary<string, Answer> answers, List<(string Code, Answer Answer)> redFlags)
    {
        var found = new List<(string Code, Answer Answer)>();
        foreach (var row in table)
        {
            if ((Asked(flow, row.Code, answers) ?? Flagged(row, redFlags)) is { } answer)
            {
                found.Add((row.Code, answer));
            }
        }

        return found;
    }

    /// <summary>The first "yes" to a question about the contraindication, in flow order.</summary>
    private static Answer? Asked(FlowDefinition flow, string code, IReadOnlyDictionary<string, Answer> answers)
    {
        if (flow.ContraindicationQuestions.TryGetValue(code, out var questions))
        {
            foreach (var question in questions)
            {
                if (answers.TryGetValue(question.Id, out var answer) && answer.YesNo == YesNo.Yes)
                {
                    return answer;
                }
            }
        }

        return null;
    }

    /// <summary>The first reported red flag that the table counts as this contraindication.</summary>
    private static Answer? Flagged(ContraindicationRule row, List<(string Code, Answer Answer)> redFlags)
    {
        foreach (var (code, answer) in redFlags)
        {
            if (row.RedFlags.Contains(code))
            {
                return answer;
            }
        }

        return null;
    }
}

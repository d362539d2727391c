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
        var flags = redFlags.ToList();
        foreach (var row in table)
        {
            var asked = flow.States
                .Where(s => s.Contraindication == row.Code && answers.TryGetValue(s.Id, out var a) && a.YesNo == YesNo.Yes)
                .Select(s => answers[s.Id]);
            var flagged = flags.Where(f => row.RedFlags.Contains(f.Code)).Select(f => f.Answer);
            if (asked.Concat(flagged).FirstOrDefault() is { } answer)
            {
                yield return (row.Code, answer);
            }
        }
    }

    /// <summary>The codes of the reported contraindications.</summary>
    public static ImmutableHashSet<string> Reported(FlowDefinition flow, ImmutableList<ContraindicationRule> table, IReadOnlyDictionary<string, Answer> answers) =>
        [.. Evidence(flow, table, answers, RedFlags.Evidence(flow, answers)).Select(c => c.Code)];

    /// <summary>The massage types the given contraindications rule out.</summary>
    public static ImmutableHashSet<string> RuledOut(ImmutableList<ContraindicationRule> table, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(table);
        var reported = codes.ToHashSet(StringComparer.Ordinal);
        return [.. table.Where(r => reported.Contains(r.Code)).SelectMany(r => r.RulesOut)];
    }
}

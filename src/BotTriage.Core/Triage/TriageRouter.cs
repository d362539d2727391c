using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Turns the answers into the result by the routing rules of dialogs/routing.yaml: deterministic (the same answers
/// always give the same outcome) and explainable (every route carries the rules that chose it and the person's words
/// that triggered them).
/// </summary>
public static class TriageRouter
{
    public static TriageOutcome Route(DialogSet dialogs, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(state);
        var context = new AnswerContext(dialogs.Flow, state);
        var redFlags = RedFlags.Evidence(dialogs.Flow, state.Answers).ToList();

        string? urgency = null;
        var routes = new List<string>();
        var massageTypes = new List<string>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var reasons = ImmutableList.CreateBuilder<OutcomeReason>();
        foreach (var rule in dialogs.Rules.Where(r => r.When.Evaluate(context)))
        {
            urgency = MostUrgent(urgency, rule.Urgency);
            routes.AddRange(rule.Routes.Where(r => !routes.Contains(r)));
            massageTypes.AddRange(rule.MassageTypes.Where(m => !massageTypes.Contains(m)));
            blocked.UnionWith(rule.Blocks);
            reasons.Add(new OutcomeReason(rule.Id, rule.Reason.Get(state.Culture)) { Evidence = EvidenceFor(rule, state, redFlags) });
        }

        // Red flags always win, whatever the rules say: the GP (or 112) is in the route and massage is not.
        if (redFlags.Count > 0)
        {
            if (!routes.Contains("gp") && !routes.Contains("emergency-112"))
            {
                routes.Insert(0, "gp");
            }

            urgency ??= "T4";
            blocked.Add("massage");
        }

        routes.RemoveAll(blocked.Contains);
        massageTypes.RemoveAll(blocked.Contains);
        if (!routes.Contains("massage"))
        {
            massageTypes.Clear();
        }

        if (routes.Count == 0)
        {
            routes.Add("self-care");
        }

        return new TriageOutcome
        {
            Urgency = urgency ?? "none",
            Routes = [.. routes.OrderBy(RouteOrder)],
            MassageTypes = [.. massageTypes],
            RedFlags = [.. redFlags.Select(f => f.Code).Distinct(StringComparer.Ordinal)],
            Reasons = reasons.ToImmutable(),
            Completed = true,
        };
    }

    /// <summary>Routes in the order a person should take them: medical first.</summary>
    private static int RouteOrder(string route) => Vocabulary.Routes.IndexOf(route);

    private static string? MostUrgent(string? current, string? candidate) =>
        current is null ? candidate : candidate is null ? current : string.CompareOrdinal(candidate, current) < 0 ? candidate : current;

    private static ImmutableList<string> EvidenceFor(RoutingRule rule, TriageState state, List<(string Code, Answer Answer)> redFlags)
    {
        var evidence = new List<string>();
        foreach (var reference in rule.When.References)
        {
            if (reference.StartsWith("redflags", StringComparison.Ordinal))
            {
                var named = redFlags.Where(f => rule.When.Symbols.Contains(f.Code) || rule.When.Symbols.IsEmpty);
                evidence.AddRange(named.Select(f => f.Answer.Evidence));
                continue;
            }

            var key = reference.Split('.')[0];
            if (state.Answers.TryGetValue(key, out var answer))
            {
                evidence.Add(answer.Evidence);
            }
        }

        return [.. evidence.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

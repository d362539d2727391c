using System.Collections.Immutable;
using BotTriage.Core.Dialogs;

namespace BotTriage.Core.Triage;

/// <summary>
/// Turns the answers into the result by the routing rules of dialogs/routing.yaml: deterministic (the same answers
/// always give the same outcome) and explainable (every route carries the rules that chose it and the person's words
/// that triggered them). After the rules, two filters that no rule can undo: red flags always win (the GP or 112 in
/// the route, massage out), and a reported contraindication removes every massage type it rules out
/// (dialogs/contraindications.yaml).
/// </summary>
public static class TriageRouter
{
    public static TriageOutcome Route(DialogSet dialogs, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(state);
        var context = new AnswerContext(dialogs.Flow, state, dialogs.Contraindications);
        var redFlags = RedFlags.Evidence(dialogs.Flow, state.Answers).ToList();

        string? urgency = null;
        var routes = new List<string>();
        var massageTypes = new List<string>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var matched = dialogs.Rules.Where(r => r.When.Evaluate(context)).ToList();
        foreach (var rule in matched)
        {
            urgency = MostUrgent(urgency, rule.Urgency);
            routes.AddRange(rule.Routes.Where(r => !routes.Contains(r)));
            massageTypes.AddRange(rule.MassageTypes.Where(m => !massageTypes.Contains(m)));
            blocked.UnionWith(rule.Blocks);
            if (rule.RedFlag is { } code && !redFlags.Exists(f => f.Code == code))
            {
                var evidence = EvidenceFor(dialogs.Flow, rule, state, redFlags, []);
                redFlags.Add((code, new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = string.Join(", ", evidence) }));
            }
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

        var contraindications = Contraindications.Evidence(dialogs.Flow, dialogs.Contraindications, state.Answers, redFlags).ToList();
        blocked.UnionWith(Contraindications.RuledOut(dialogs.Contraindications, contraindications.Select(c => c.Code)));
        routes.RemoveAll(blocked.Contains);
        massageTypes.RemoveAll(blocked.Contains);
        if (massageTypes.Count == 0)
        {
            routes.Remove("massage");
        }
        else if (!routes.Contains("massage"))
        {
            massageTypes.Clear();
        }

        if (routes.Count == 0)
        {
            routes.Add("self-care");
        }

        // A rule whose every contribution was ruled out is not a reason for this result; a rule that only explains is.
        var reasons = matched
            .Where(rule => rule.Urgency is not null || rule.RedFlag is not null || rule.Routes.Any(routes.Contains) || rule.MassageTypes.Any(massageTypes.Contains)
                || (rule.Routes.Count == 0 && rule.MassageTypes.Count == 0 && rule.Blocks.Count == 0))
            .Select(rule => new OutcomeReason(rule.Id, rule.Reason.Get(state.Culture)) { Evidence = EvidenceFor(dialogs.Flow, rule, state, redFlags, contraindications) })
            .ToImmutableList();

        return new TriageOutcome
        {
            Urgency = urgency ?? "none",
            Routes = [.. routes.OrderBy(RouteOrder)],
            MassageTypes = [.. massageTypes],
            RedFlags = [.. redFlags.Select(f => f.Code).Distinct(StringComparer.Ordinal)],
            Contraindications = [.. contraindications.Select(c => c.Code)],
            Scores = Scores.Of(dialogs.Flow, state.Answers),
            Reasons = reasons,
            Completed = true,
        };
    }

    /// <summary>
    /// The answers behind a very urgent (T0/T1) result that the person has not confirmed yet, in flow order: the
    /// red flags the rules of that tier name. Rules that name no red flag (an emergency screen) need no check.
    /// </summary>
    public static ImmutableList<string> Unconfirmed(DialogSet dialogs, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(state);
        var context = new AnswerContext(dialogs.Flow, state, dialogs.Contraindications);
        var codes = dialogs.Rules
            .Where(r => r.Urgency is { } tier && Vocabulary.ConfirmedUrgencies.Contains(tier) && r.When.Evaluate(context))
            .SelectMany(r => r.When.Symbols)
            .ToHashSet(StringComparer.Ordinal);
        var keys = dialogs.Flow.States
            .Where(s => s.RedFlag is { } code && codes.Contains(code) && state.Answers.TryGetValue(s.Id, out var a) && a.YesNo == YesNo.Yes)
            .Select(s => s.Id)
            .Concat(codes.Select(RedFlags.ExtraKey).Where(k => state.Answers.TryGetValue(k, out var a) && a.YesNo == YesNo.Yes));
        return [.. keys.Where(k => !state.Confirmed.Contains(k)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Routes in the order a person should take them: medical first.</summary>
    private static int RouteOrder(string route) => Vocabulary.Routes.IndexOf(route);

    private static string? MostUrgent(string? current, string? candidate) =>
        current is null ? candidate : candidate is null ? current : string.CompareOrdinal(candidate, current) < 0 ? candidate : current;

    private static ImmutableList<string> EvidenceFor(FlowDefinition flow, RoutingRule rule, TriageState state, List<(string Code, Answer Answer)> redFlags, List<(string Code, Answer Answer)> contraindications)
    {
        var evidence = new List<string>();
        foreach (var reference in rule.When.References)
        {
            if (reference.StartsWith("redflags", StringComparison.Ordinal) || reference.StartsWith("contraindications", StringComparison.Ordinal))
            {
                var found = reference.StartsWith("redflags", StringComparison.Ordinal) ? redFlags : contraindications;
                var named = found.Where(f => rule.When.Symbols.Contains(f.Code) || rule.When.Symbols.IsEmpty);
                evidence.AddRange(named.Select(f => f.Answer.Evidence));
                continue;
            }

            if (reference.StartsWith(Vocabulary.ScorePrefix, StringComparison.Ordinal))
            {
                var items = flow.Scores.GetValueOrDefault(reference[Vocabulary.ScorePrefix.Length..]) ?? [];
                evidence.AddRange(items.Where(state.Answers.ContainsKey).Select(i => state.Answers[i].Evidence));
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

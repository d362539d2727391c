using System.Collections.Immutable;
using BotTriage.Core.Conditions;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Understanding;

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
        var redFlags = RedFlags.Collect(dialogs.Flow, state.Answers);

        string? urgency = null;
        var routes = new List<string>();
        var massageTypes = new List<string>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        var matched = new List<RoutingRule>();
        var reportedBy = new Dictionary<string, ImmutableList<string>>(StringComparer.Ordinal);
        foreach (var rule in dialogs.Rules)
        {
            if (rule.When.Evaluate(context))
            {
                matched.Add(rule);
            }
        }

        foreach (var rule in matched)
        {
            urgency = MostUrgent(urgency, rule.Urgency);
            AddNew(routes, rule.Routes);
            AddNew(massageTypes, rule.MassageTypes);
            blocked.UnionWith(rule.Blocks);
            if (rule.RedFlag is { } code && !HasCode(redFlags, code))
            {
                var evidence = EvidenceFor(dialogs, rule, state, redFlags, []);
                reportedBy[code] = evidence;
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

        var contraindications = Contraindications.Collect(dialogs.Flow, dialogs.Contraindications, state.Answers, redFlags);
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
        var reasons = ImmutableList.CreateBuilder<OutcomeReason>();
        foreach (var rule in matched)
        {
            if (Contributes(rule, urgency, routes, massageTypes))
            {
                var reason = rule.ReasonWithoutMassage is { } without && !routes.Contains("massage") ? without : rule.Reason;
                reasons.Add(new OutcomeReason(rule.Id, reason.Get(state.Culture)) { Evidence = EvidenceFor(dialogs, rule, state, redFlags, contraindications, reportedBy) });
            }
        }

        return new TriageOutcome
        {
            Urgency = urgency ?? "none",
            Routes = [.. routes.OrderBy(RouteOrder)],
            MassageTypes = [.. massageTypes],
            RedFlags = [.. redFlags.Select(f => f.Code).Distinct(StringComparer.Ordinal)],
            Contraindications = [.. contraindications.Select(c => c.Code)],
            Scores = context.Scores,
            Reasons = reasons.ToImmutable(),
            DoctorFirst = routes.Contains("massage") && matched.Exists(r => r.DoctorFirst),
            Completed = true,
        };
    }

    /// <summary>
    /// Whether the answers so far already give a result of the most urgent tier (112): the questions left cannot change
    /// it, since red flags always win.
    /// </summary>
    public static bool IsEmergency(DialogSet dialogs, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(state);
        var context = new AnswerContext(dialogs.Flow, state, dialogs.Contraindications);
        foreach (var rule in dialogs.Rules)
        {
            if (rule.Urgency == Vocabulary.EmergencyUrgency && rule.When.Evaluate(context))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the answers so far already give a very urgent result (T1: the GP now) because of a warning sign: a rule
    /// of that tier that reads the red flags holds. A doubt at the emergency screen alone is none (its question already
    /// said whom to call). Read from a context of the answers, which may have worked out the red flags already.
    /// </summary>
    internal static bool IsVeryUrgent(DialogSet dialogs, IConditionContext context)
    {
        foreach (var rule in dialogs.Rules)
        {
            if (rule.Urgency == Vocabulary.VeryUrgent && ReadsRedFlags(rule.When) && rule.When.Evaluate(context))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsRedFlags(Condition when)
    {
        foreach (var reference in when.References)
        {
            if (reference.StartsWith(Vocabulary.RedFlags, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
        HashSet<string>? codes = null;
        foreach (var rule in dialogs.Rules)
        {
            if (rule.Urgency is { } tier && Vocabulary.ConfirmedUrgencies.Contains(tier) && rule.When.Evaluate(context))
            {
                codes ??= new HashSet<string>(StringComparer.Ordinal);
                codes.UnionWith(rule.When.Symbols);
            }
        }

        if (codes is null)
        {
            return [];
        }

        var keys = new List<string>();
        foreach (var question in dialogs.Flow.RedFlagQuestions)
        {
            if (IsYes(state, question.Id) && codes.Contains(RedFlags.CodeOf(question, state.Answers[question.Id])))
            {
                AddUnconfirmed(keys, state, question.Id);
            }
        }

        foreach (var code in codes)
        {
            var key = RedFlags.ExtraKey(code);
            if (IsYes(state, key))
            {
                AddUnconfirmed(keys, state, key);
            }
        }

        return [.. keys];
    }

    /// <summary>
    /// Whether <paramref name="rule"/> shaped the result. A rule that names massage types adds the massage route only
    /// through them: with its deep tissue massage ruled out, "tension fits a deep tissue massage" is no reason for the
    /// relaxation massage another rule left. A rule that asks for a doctor's word before a massage counts only when a
    /// massage is advised. A rule of a less urgent tier than the result's counts only for what else it added: "GP
    /// within days" beside "GP today" would give two time frames, and the GP is in the route already.
    /// </summary>
    private static bool Contributes(RoutingRule rule, string? urgency, List<string> routes, List<string> massageTypes)
    {
        // "Check with your doctor before you book a massage" says nothing when no massage is advised.
        if (rule.DoctorFirst && !routes.Contains("massage"))
        {
            return false;
        }

        if (rule.Urgency is { } tier && tier != urgency)
        {
            return rule.MassageTypes.Any(massageTypes.Contains) || rule.Routes.Any(r => r is not ("gp" or "emergency-112") && routes.Contains(r) && (r != "massage" || rule.MassageTypes.Count == 0));
        }

        if (rule.Urgency is not null || rule.RedFlag is not null || rule.MassageTypes.Any(massageTypes.Contains))
        {
            return true;
        }

        if (rule.Routes.Any(r => routes.Contains(r) && (r != "massage" || rule.MassageTypes.Count == 0)))
        {
            return true;
        }

        return rule.Routes.Count == 0 && rule.MassageTypes.Count == 0 && rule.Blocks.Count == 0;
    }

    private static bool IsYes(TriageState state, string key) => state.Answers.TryGetValue(key, out var answer) && answer.YesNo == YesNo.Yes;

    private static void AddUnconfirmed(List<string> keys, TriageState state, string key)
    {
        if (!state.Confirmed.Contains(key) && !keys.Contains(key))
        {
            keys.Add(key);
        }
    }

    /// <summary>Adds the items not in the list yet, in their order.</summary>
    private static void AddNew(List<string> list, ImmutableList<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item))
            {
                list.Add(item);
            }
        }
    }

    private static bool HasCode(List<(string Code, Answer Answer)> found, string code)
    {
        foreach (var (each, _) in found)
        {
            if (each == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Routes in the order a person should take them: medical first.</summary>
    private static int RouteOrder(string route) => Vocabulary.Routes.IndexOf(route);

    private static string? MostUrgent(string? current, string? candidate) =>
        current is null ? candidate : candidate is null ? current : string.CompareOrdinal(candidate, current) < 0 ? candidate : current;

    // A sign a rule reports (reportedBy, by code) is quoted by that rule's evidence, item by item, so that the answers
    // it rests on are said once each: "first back trouble like this: yes", "I am 55".
    private static ImmutableList<string> EvidenceFor(DialogSet dialogs, RoutingRule rule, TriageState state, List<(string Code, Answer Answer)> redFlags, List<(string Code, Answer Answer)> contraindications, IReadOnlyDictionary<string, ImmutableList<string>>? reportedBy = null)
    {
        var flow = dialogs.Flow;
        var evidence = new List<string>();
        List<DialogState>? scored = null;
        // What a rule holds because of: a reference read only inside "not (...)" rules something out and is no reason.
        foreach (var reference in rule.When.AffirmedReferences)
        {
            // A question the person could not answer is quoted with it: their "weet ik niet" says nothing on its own.
            if (reference == "redflags.unsure")
            {
                evidence.AddRange(RedFlags.Unsure(flow, state.Answers)
                    .Where(f => rule.When.Symbols.Contains(f.Code) || rule.When.Symbols.IsEmpty)
                    .Select(f => Answered(dialogs, state, state.Answers[f.Question.Id], f.Question)));
                continue;
            }

            // The signs the rule names, or every sign when it names none of those there are: "redflags.count >= 2", or
            // "not (redflags in [...])", whose signs are the ones not listed.
            if (reference.StartsWith("redflags", StringComparison.Ordinal) || reference.StartsWith("contraindications", StringComparison.Ordinal))
            {
                var found = reference.StartsWith("redflags", StringComparison.Ordinal) ? redFlags : contraindications;
                var named = found.Where(f => rule.When.Symbols.Contains(f.Code)).ToList();
                foreach (var (code, told) in named.Count > 0 ? named : found)
                {
                    if (reportedBy?.GetValueOrDefault(code) is { } items)
                    {
                        evidence.AddRange(items);
                    }
                    else
                    {
                        evidence.Add(Quoted(dialogs, state, told, flow.States.FirstOrDefault(q => q.RedFlag == code || q.Contraindication == code)));
                    }
                }

                continue;
            }

            // "Emergencies has suicide": the words that led to the 113 advice.
            if (reference == "emergencies")
            {
                if (state.SuicideAdviceWords is { } words)
                {
                    evidence.Add(words);
                }

                continue;
            }

            if (reference.StartsWith(Vocabulary.ScorePrefix, StringComparison.Ordinal))
            {
                (scored ??= []).AddRange((flow.Scores.GetValueOrDefault(reference[Vocabulary.ScorePrefix.Length..]) ?? [])
                    .Where(i => state.Answers.ContainsKey(i) && flow.Contains(i)).Select(i => flow[i]));
                continue;
            }

            // A plain "no" is not a reason anyone reads as one: it is what "or sport == yes" saw when the place alone
            // was the reason, or the absence a rule checks for.
            var key = reference.Split('.')[0];
            if (state.Answers.TryGetValue(key, out var answer) && answer.YesNo != YesNo.No)
            {
                evidence.Add(PlacesNamed(dialogs, rule, state, answer) ?? Quoted(dialogs, state, answer, flow.TryGet(key, out var question) ? question : null));
            }
        }

        if (scored is not null)
        {
            // A questionnaire's answers are quoted with their questions: "helemaal niet" means nothing alone. One that
            // added no points is a reason only when none of the rule's did: "somber: helemaal niet" is no reason to see a
            // psychologist because of the worry that scored.
            var counted = scored.Where(q => Scores.Points(q, state.Answers[q.Id]) > 0).ToList();
            evidence.AddRange((counted.Count > 0 ? counted : scored).Select(q => Answered(dialogs, state, state.Answers[q.Id], q)));
        }

        return [.. evidence.Where(e => e.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    // "Bekken" for a rule about joints, when the places were "onderrug, bekken": of several places, those the rule names,
    // by name; null when it names all or none of them.
    private static string? PlacesNamed(DialogSet dialogs, RoutingRule rule, TriageState state, Answer answer)
    {
        if (answer.Kind != AnswerKind.BodyLocation)
        {
            return null;
        }

        var named = answer.Locations.Where(l => rule.When.Symbols.Contains(l.Code)).ToList();
        return named.Count == 0 || named.Count == answer.Locations.Count ? null
            : string.Join(", ", named.Select(l => dialogs.Texts.Location(l, state.Culture)));
    }

    // What an answer is quoted by: the person's own words, or for a plain "ja" those with what the question asked,
    // which is what the answer says: "stress of slecht slapen: ja" (evidence.labelled), or "ja op 'Zit je veel ...?'"
    // for a question without a label (evidence.answered). A number alone is quoted so too, a length as a length:
    // "pijn: 8", "4 maanden" for the "4" said to "hoeveel maanden?".
    private static string Quoted(DialogSet dialogs, TriageState state, Answer answer, DialogState? question)
    {
        if (answer.YesNo is not null && IsPlainAnswer(dialogs.Recognizer, answer.Evidence))
        {
            return question is { } asked ? Answered(dialogs, state, answer, asked) : "";
        }

        if (!IsNumberAlone(answer.Evidence))
        {
            return answer.Evidence;
        }

        if (answer is { Kind: AnswerKind.Duration, Seconds: { } seconds })
        {
            return DurationText.Format(seconds, answer.Approximate, state.Culture, dialogs.Texts);
        }

        return question is not null && LabelOf(dialogs, question, state.Culture) is { } label
            ? dialogs.Texts.Get("evidence.labelled", state.Culture).Format(state.Culture, label, answer.Evidence.Trim())
            : answer.Evidence;
    }

    // The answer with what the question asked; so is a "weet ik niet" always quoted, which says nothing on its own.
    // A bare yes or no in the other language is said in the conversation's, as the question is: "ja op '...'", not
    // "yes op '...'" after a switch of language.
    private static string Answered(DialogSet dialogs, TriageState state, Answer answer, DialogState question)
    {
        var said = answer.Evidence.Trim(' ', '.', '!', '?', ',');
        if (answer.YesNo is { } yesNo)
        {
            var key = yesNo switch { YesNo.Yes => "answer.yes", YesNo.No => "answer.no", _ => "answer.unknown" };
            if (string.Equals(said, dialogs.Texts.Get(key, Cultures.Other(state.Culture)), StringComparison.OrdinalIgnoreCase))
            {
                said = dialogs.Texts.Get(key, state.Culture);
            }
        }

        if (LabelOf(dialogs, question, state.Culture) is { } label)
        {
            return dialogs.Texts.Get("evidence.labelled", state.Culture).Format(state.Culture, label, said);
        }

        // The question in short where it has one: without the line that leads into it.
        return dialogs.Texts.Get("evidence.answered", state.Culture).Format(state.Culture, said, (question.Again ?? question.Question).Get(state.Culture));
    }

    // What a question asks in a few words: its label, or the name of the sign or contraindication it asks about.
    private static string? LabelOf(DialogSet dialogs, DialogState question, string culture)
    {
        if (question.Label is { } label)
        {
            return label.Get(culture);
        }

        var key = question.RedFlag is { } flag ? TextCatalog.RedFlagNameKey(flag)
            : question.Contraindication is { } code ? TextCatalog.ContraindicationNameKey(code)
            : null;
        return key is not null && dialogs.Texts.Texts.ContainsKey(key) ? dialogs.Texts.Get(key, culture) : null;
    }

    // "8", "4", "2,5": digits with at most a separator, nothing that says what they count.
    private static bool IsNumberAlone(string text)
    {
        var digits = false;
        foreach (var c in text.AsSpan().Trim(" .!?".AsSpan()))
        {
            if (!char.IsAsciiDigit(c) && c is not (',' or '.'))
            {
                return false;
            }

            digits |= char.IsAsciiDigit(c);
        }

        return digits;
    }

    // The whole text one yes, no or don't-know phrase ("ja", "yes please", "klopt"), in any language the lexicons know.
    private static bool IsPlainAnswer(UtteranceRecognizer recognizer, string text)
    {
        var trimmed = text.AsSpan().Trim(" .!?,".AsSpan());
        foreach (var language in recognizer.Lexicons.Languages)
        {
            if (recognizer.Booleans.Recognize(text, language) is [{ } only] && only.End - only.Start + 1 == trimmed.Length)
            {
                return true;
            }
        }

        return false;
    }
}

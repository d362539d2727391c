using System.Collections.Immutable;
using BotTriage.Core.Conditions;
using BotTriage.Core.Triage;
using BotTriage.Core.Understanding;
using YamlDotNet.RepresentationModel;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// Loads a dialogs folder (flow.yaml, routing.yaml, texts.yaml) and validates it as a whole. Every problem is
/// reported as <c>file:line: message</c>: unknown states and triggers, unreachable states, states without a way
/// out, texts missing in nl or en, unknown answer kinds and codes, duplicate ids, conditions that do not parse or
/// name an unknown answer.
/// </summary>
public static class DialogLoader
{
    public const string FlowFile = "flow.yaml";
    public const string RoutingFile = "routing.yaml";
    public const string TextsFile = "texts.yaml";
    public const string LexiconDirectory = "lexicons";

    /// <summary>Loads the folder or throws <see cref="DialogValidationException"/> with every error found.</summary>
    public static DialogSet LoadDirectory(string directory)
    {
        var (set, errors) = Check(directory);
        return errors.Count == 0 ? set! : throw new DialogValidationException(errors);
    }

    /// <summary>Loads and validates the folder, returning the errors instead of throwing.</summary>
    public static (DialogSet? Set, IReadOnlyList<DialogError> Errors) Check(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var errors = new List<DialogError>();
        if (!System.IO.Directory.Exists(directory))
        {
            errors.Add(new DialogError(directory, 1, "dialogs folder does not exist"));
            return (null, errors);
        }

        var flow = ReadFlow(YamlFile.Load(directory, FlowFile, errors));
        var rules = flow is null ? [] : ReadRules(YamlFile.Load(directory, RoutingFile, errors), flow);
        var texts = ReadTexts(YamlFile.Load(directory, TextsFile, errors));
        var recognizer = LoadRecognizer(directory, errors);
        if (flow is not null && recognizer is not null)
        {
            CheckRedFlagCodes(flow, recognizer, errors);
        }

        var ordered = errors
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ToList();
        return ordered.Count > 0 || flow is null || texts is null || recognizer is null
            ? (null, ordered)
            : (new DialogSet(Path.GetFullPath(directory), flow, rules, texts, recognizer), ordered);
    }

    private static UtteranceRecognizer? LoadRecognizer(string directory, List<DialogError> errors)
    {
        try
        {
            return UtteranceRecognizer.Load(Path.Combine(directory, LexiconDirectory));
        }
        catch (LexiconException e)
        {
            errors.AddRange(e.Errors.Select(error => new DialogError(Path.Combine(LexiconDirectory, error.File), error.Line, error.Message)));
            return null;
        }
    }

    /// <summary>A red flag a question asks about must be one the recognizers know, or free text could never answer it.</summary>
    private static void CheckRedFlagCodes(FlowDefinition flow, UtteranceRecognizer recognizer, List<DialogError> errors)
    {
        var known = recognizer.Lexicons.RedFlagCodes;
        foreach (var state in flow.States.Where(s => s.RedFlag is not null && !known.Contains(s.RedFlag)))
        {
            errors.Add(new DialogError(FlowFile, state.Source.Line, $"unknown red flag '{state.RedFlag}' in state '{state.Id}' (not in {LexiconDirectory}/codes.yaml)"));
        }
    }

    private static FlowDefinition? ReadFlow(YamlFile file)
    {
        if (file.AsMapping(file.Root, "the flow") is not { } root)
        {
            return null;
        }

        file.RejectUnknownKeys(root, "the flow", "start", "states");
        var start = file.Scalar(root, "start", "the flow", required: true);
        var statesNode = file.AsSequence(YamlFile.Child(root, "states"), "'states'");
        if (statesNode is null)
        {
            file.Error(root, "the flow has no 'states'");
            return null;
        }

        var states = new List<DialogState>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in statesNode)
        {
            if (file.AsMapping(node, "a state") is not { } mapping || ReadState(file, mapping) is not { } state)
            {
                continue;
            }

            if (seen.TryGetValue(state.Id, out var firstLine))
            {
                file.Error(mapping, $"duplicate state id '{state.Id}' (first defined on line {firstLine})");
                continue;
            }

            seen[state.Id] = state.Source.Line;
            states.Add(state);
        }

        var flow = new FlowDefinition(start ?? "", [.. states]);
        if (start is not null && !flow.Contains(start))
        {
            file.Error(YamlFile.Child(root, "start")!, $"unknown state '{start}' as start");
        }

        ValidateGraph(file, flow);
        return flow;
    }

    private static DialogState? ReadState(YamlFile file, YamlMappingNode mapping)
    {
        var id = file.Scalar(mapping, "id", "a state", required: true);
        if (id is null)
        {
            return null;
        }

        var owner = $"state '{id}'";
        file.RejectUnknownKeys(mapping, owner, "id", "kind", "question", "choices", "next", "outcome", "red-flag", "min", "max");
        var isOutcome = file.Flag(mapping, "outcome", owner);
        var kindName = file.Scalar(mapping, "kind", owner, required: !isOutcome);
        var kind = AnswerKind.FreeText;
        if (kindName is not null && !Vocabulary.AnswerKinds.TryGetValue(kindName, out kind))
        {
            file.Error(YamlFile.Child(mapping, "kind")!, $"unknown answer kind '{kindName}' in {owner} (expected one of: {string.Join(", ", Vocabulary.AnswerKinds.Keys.Order(StringComparer.Ordinal))})");
        }

        var question = file.Text(mapping, "question", owner) ?? new LocalizedText("", "");
        var choices = ReadChoices(file, mapping, owner, kind);
        var redFlag = file.Scalar(mapping, "red-flag", owner);
        if (redFlag is not null && kind != AnswerKind.YesNo)
        {
            file.Error(YamlFile.Child(mapping, "red-flag")!, $"{owner} has a red flag but is not a yes-no question");
        }

        var state = new DialogState
        {
            Id = id,
            Kind = kind,
            Question = question,
            Choices = choices,
            IsOutcome = isOutcome,
            RedFlag = redFlag,
            Min = file.Number(mapping, "min", owner),
            Max = file.Number(mapping, "max", owner),
            Source = file.SourceOf(mapping),
        };
        return state with { Transitions = ReadTransitions(file, mapping, state) };
    }

    private static ImmutableList<DialogChoice> ReadChoices(YamlFile file, YamlMappingNode mapping, string owner, AnswerKind kind)
    {
        var node = YamlFile.Child(mapping, "choices");
        if (kind != AnswerKind.Choice)
        {
            if (node is not null)
            {
                file.Error(node, $"{owner} has choices but is not a choice question");
            }

            return [];
        }

        var choices = ImmutableList.CreateBuilder<DialogChoice>();
        if (file.AsSequence(node, $"'choices' of {owner}") is not { } sequence || sequence.Children.Count == 0)
        {
            file.Error(node ?? mapping, $"{owner} is a choice question without choices");
            return [];
        }

        foreach (var item in sequence)
        {
            if (file.AsMapping(item, $"a choice of {owner}") is not { } choice)
            {
                continue;
            }

            var code = file.Scalar(choice, "code", $"a choice of {owner}", required: true);
            if (code is null)
            {
                continue;
            }

            file.RejectUnknownKeys(choice, $"choice '{code}' of {owner}", "code", "label");
            var label = file.Text(choice, "label", $"choice '{code}' of {owner}");
            if (choices.Any(c => c.Code == code))
            {
                file.Error(choice, $"duplicate choice '{code}' in {owner}");
            }
            else if (label is not null)
            {
                choices.Add(new DialogChoice(code, label));
            }
        }

        return choices.ToImmutable();
    }

    private static ImmutableList<DialogTransition> ReadTransitions(YamlFile file, YamlMappingNode mapping, DialogState state)
    {
        var node = YamlFile.Child(mapping, "next");
        if (node is null)
        {
            return [];
        }

        var owner = $"state '{state.Id}'";
        var transitions = ImmutableList.CreateBuilder<DialogTransition>();
        foreach (var item in file.AsSequence(node, $"'next' of {owner}")?.Children ?? [])
        {
            if (file.AsMapping(item, $"a transition of {owner}") is not { } transition)
            {
                continue;
            }

            file.RejectUnknownKeys(transition, $"a transition of {owner}", "to", "on", "when");
            var to = file.Scalar(transition, "to", $"a transition of {owner}", required: true);
            var on = file.Scalar(transition, "on", $"a transition of {owner}");
            var whenText = file.Scalar(transition, "when", $"a transition of {owner}");
            Condition? when = null;
            if (whenText is not null)
            {
                when = ParseCondition(file, YamlFile.Child(transition, "when")!, whenText);
                if (when is null)
                {
                    continue;
                }
            }

            if (to is not null)
            {
                transitions.Add(new DialogTransition(on, to, when, file.SourceOf(transition)));
            }
        }

        return transitions.ToImmutable();
    }

    private static Condition? ParseCondition(YamlFile file, YamlNode node, string text)
    {
        try
        {
            return Condition.Parse(text);
        }
        catch (ConditionSyntaxException e)
        {
            file.Error(node, $"condition '{text}' does not parse: {e.Message} at character {e.Position + 1}");
            return null;
        }
    }

    private static void ValidateGraph(YamlFile file, FlowDefinition flow)
    {
        var references = KnownReferences(flow);
        foreach (var state in flow.States)
        {
            if (state.IsOutcome)
            {
                if (state.Transitions.Count > 0)
                {
                    file.Error(state.Transitions[0].Source.Line, $"outcome state '{state.Id}' cannot have transitions");
                }

                continue;
            }

            if (state.Transitions.Count == 0)
            {
                file.Error(state.Source.Line, $"state '{state.Id}' has no way out and is not an outcome");
                continue;
            }

            foreach (var transition in state.Transitions)
            {
                if (!flow.Contains(transition.To))
                {
                    file.Error(transition.Source.Line, $"unknown state '{transition.To}' in a transition of state '{state.Id}'");
                }

                if (transition.To == state.Id)
                {
                    file.Error(transition.Source.Line, $"state '{state.Id}' has a transition to itself; a question is asked again by the engine when it is not understood");
                }

                if (transition.On is not null && !state.Triggers.Contains(transition.On))
                {
                    file.Error(transition.Source.Line, $"unknown trigger '{transition.On}' in state '{state.Id}' (its answers are: {string.Join(", ", state.Triggers)})");
                }

                foreach (var reference in transition.When?.References ?? [])
                {
                    if (!references.Contains(reference))
                    {
                        file.Error(transition.Source.Line, $"unknown answer '{reference}' in condition '{transition.When!.Text}'");
                    }
                }
            }

            foreach (var trigger in state.Triggers)
            {
                if (!state.Transitions.Any(t => t.When is null && (t.On is null || t.On == trigger)))
                {
                    file.Error(state.Source.Line, $"state '{state.Id}' has no way out for answer '{trigger}' when no condition holds (add a transition without 'when')");
                }
            }
        }

        if (!flow.Contains(flow.Start))
        {
            return;
        }

        var reachable = new HashSet<string>(StringComparer.Ordinal) { flow.Start };
        var queue = new Queue<string>([flow.Start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var transition in flow[id].Transitions)
            {
                if (flow.Contains(transition.To) && reachable.Add(transition.To))
                {
                    queue.Enqueue(transition.To);
                }
            }
        }

        foreach (var state in flow.States.Where(s => !reachable.Contains(s.Id)))
        {
            file.Error(state.Source.Line, $"state '{state.Id}' is unreachable from the start '{flow.Start}'");
        }
    }

    /// <summary>What a condition may name: every question, a duration in a unit, and the built-in references.</summary>
    internal static ImmutableHashSet<string> KnownReferences(FlowDefinition flow)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        names.UnionWith(Vocabulary.BuiltInReferences);
        foreach (var state in flow.States.Where(s => !s.IsOutcome))
        {
            names.Add(state.Id);
            if (state.Kind == AnswerKind.Duration)
            {
                names.UnionWith(Vocabulary.DurationUnits.Keys.Select(unit => $"{state.Id}.{unit}"));
            }
        }

        return names.ToImmutable();
    }

    private static ImmutableList<RoutingRule> ReadRules(YamlFile file, FlowDefinition flow)
    {
        if (file.AsMapping(file.Root, "the routing") is not { } root)
        {
            return [];
        }

        file.RejectUnknownKeys(root, "the routing", "rules");
        var rules = ImmutableList.CreateBuilder<RoutingRule>();
        var references = KnownReferences(flow);
        foreach (var item in file.AsSequence(YamlFile.Child(root, "rules"), "'rules'")?.Children ?? [])
        {
            if (file.AsMapping(item, "a rule") is not { } mapping || file.Scalar(mapping, "id", "a rule", required: true) is not { } id)
            {
                continue;
            }

            var owner = $"rule '{id}'";
            file.RejectUnknownKeys(mapping, owner, "id", "when", "urgency", "routes", "massage", "blocks", "reason");
            if (rules.Any(r => r.Id == id))
            {
                file.Error(mapping, $"duplicate rule id '{id}'");
                continue;
            }

            var whenText = file.Scalar(mapping, "when", owner, required: true);
            var when = whenText is null ? null : ParseCondition(file, YamlFile.Child(mapping, "when")!, whenText);
            foreach (var reference in when?.References ?? [])
            {
                if (!references.Contains(reference))
                {
                    file.Error(YamlFile.Child(mapping, "when")!, $"unknown answer '{reference}' in condition '{when!.Text}'");
                }
            }

            var urgency = file.Scalar(mapping, "urgency", owner);
            if (urgency is not null && !Vocabulary.Urgencies.Contains(urgency))
            {
                file.Error(YamlFile.Child(mapping, "urgency")!, $"unknown urgency '{urgency}' in {owner} (expected T0..T4)");
            }

            var routes = CheckedCodes(file, mapping, "routes", owner, Vocabulary.Routes);
            var massage = CheckedCodes(file, mapping, "massage", owner, Vocabulary.MassageTypes);
            var blocks = CheckedCodes(file, mapping, "blocks", owner, [.. Vocabulary.Routes, .. Vocabulary.MassageTypes]);
            var reason = file.Text(mapping, "reason", owner);
            if (when is not null && reason is not null)
            {
                rules.Add(new RoutingRule
                {
                    Id = id,
                    When = when,
                    Urgency = urgency,
                    Routes = routes,
                    MassageTypes = massage,
                    Blocks = blocks,
                    Reason = reason,
                    Source = file.SourceOf(mapping),
                });
            }
        }

        return rules.ToImmutable();
    }

    private static ImmutableList<string> CheckedCodes(YamlFile file, YamlMappingNode mapping, string key, string owner, ImmutableArray<string> allowed)
    {
        var codes = file.Codes(mapping, key, owner);
        foreach (var code in codes.Where(c => !allowed.Contains(c)))
        {
            file.Error(YamlFile.Child(mapping, key)!, $"unknown code '{code}' in '{key}' of {owner} (expected one of: {string.Join(", ", allowed)})");
        }

        return [.. codes.Where(allowed.Contains)];
    }

    private static TextCatalog? ReadTexts(YamlFile file)
    {
        if (file.AsMapping(file.Root, "the texts") is not { } root)
        {
            return null;
        }

        file.RejectUnknownKeys(root, "the texts", "texts", "commands", "cues");
        var texts = ImmutableDictionary.CreateBuilder<string, LocalizedText>(StringComparer.Ordinal);
        if (file.AsMapping(YamlFile.Child(root, "texts"), "'texts'") is { } textMap)
        {
            foreach (var (key, value) in textMap.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && file.TextOf(value, $"text '{name}'") is { } text)
                {
                    texts[name] = text;
                }
            }

            foreach (var missing in Vocabulary.RequiredTexts.Where(k => !texts.ContainsKey(k) && !Mentioned(textMap, k)))
            {
                file.Error(textMap, $"text '{missing}' is missing");
            }
        }
        else
        {
            file.Error(root, "the texts have no 'texts'");
        }

        var commands = ImmutableDictionary.CreateBuilder<string, ImmutableList<string>>(StringComparer.Ordinal);
        ReadWordLists(file, root, "commands", Vocabulary.Commands, commands);
        ReadWordLists(file, root, "cues", Vocabulary.Cues, commands);
        return new TextCatalog(texts.ToImmutable(), commands.ToImmutable());
    }

    private static void ReadWordLists(YamlFile file, YamlMappingNode root, string section, ImmutableArray<string> names, ImmutableDictionary<string, ImmutableList<string>>.Builder lists)
    {
        if (file.AsMapping(YamlFile.Child(root, section), $"'{section}'") is { } commandMap)
        {
            file.RejectUnknownKeys(commandMap, $"the {section}", [.. names]);
            foreach (var command in names)
            {
                if (file.AsMapping(YamlFile.Child(commandMap, command), $"'{command}' of the {section}") is not { } words)
                {
                    file.Error(commandMap, $"'{command}' is missing from the {section}");
                    continue;
                }

                var all = new List<string>();
                foreach (var language in new[] { Cultures.Dutch, Cultures.English })
                {
                    var list = file.Codes(words, language, $"'{command}'");
                    if (list.Count == 0)
                    {
                        file.Error(words, $"'{command}' of the {section} has no {(language == Cultures.Dutch ? "Dutch (nl)" : "English (en)")} words");
                    }

                    all.AddRange(list);
                }

                lists[command] = [.. all.Select(w => w.Trim().ToLowerInvariant()).Distinct()];
            }
        }
        else
        {
            file.Error(root, $"the texts have no '{section}'");
        }
    }

    private static bool Mentioned(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));
}

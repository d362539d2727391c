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
/// name an unknown answer, contraindications and modules that are not defined, scores over questions without points.
/// </summary>
public static class DialogLoader
{
    public const string FlowFile = "flow.yaml";
    public const string RoutingFile = "routing.yaml";
    public const string TextsFile = "texts.yaml";
    public const string ContraindicationsFile = "contraindications.yaml";
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
        var contraindicationsFile = YamlFile.Load(directory, ContraindicationsFile, errors, required: false);
        var contraindications = ReadContraindications(contraindicationsFile);
        if (flow is not null && recognizer is not null)
        {
            CheckRedFlagCodes(flow, rules, contraindications, recognizer, errors);
            CheckAnsweredQuestions(flow, recognizer, errors);
            CheckButtons(flow, recognizer, errors);
        }

        if (flow is not null)
        {
            CheckContraindicationCodes(flow, contraindications, errors);
        }

        if (texts is not null && recognizer is not null)
        {
            CheckWorkspaceNames(texts, recognizer, contraindications, errors);
        }

        if (texts is not null && flow is not null)
        {
            CheckPlainAnswerNames(texts, flow, errors);
        }

        var ordered = errors
            .Distinct()
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ToList();
        return ordered.Count > 0 || flow is null || texts is null || recognizer is null
            ? (null, ordered)
            : (new DialogSet(Path.GetFullPath(directory), flow, rules, texts, recognizer) { Contraindications = contraindications }, ordered);
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
    private static void CheckRedFlagCodes(FlowDefinition flow, ImmutableList<RoutingRule> rules, ImmutableList<ContraindicationRule> contraindications, UtteranceRecognizer recognizer, List<DialogError> errors)
    {
        var known = recognizer.Lexicons.RedFlagCodes;
        foreach (var state in flow.States)
        {
            foreach (var (key, code) in state.Recognizes.Select(c => ("recognized code", (string?)c)).Concat(state.Covers.Select(c => ("covered sign", (string?)c))).Prepend(("red flag", state.RedFlag)))
            {
                if (code is not null && !known.Contains(code))
                {
                    errors.Add(new DialogError(FlowFile, state.Source.Line, $"unknown {key} '{code}' in state '{state.Id}' (not in {LexiconDirectory}/codes.yaml)"));
                }
            }
        }

        foreach (var rule in rules.Where(r => r.RedFlag is not null && !known.Contains(r.RedFlag)))
        {
            errors.Add(new DialogError(RoutingFile, rule.Source.Line, $"unknown red flag '{rule.RedFlag}' in rule '{rule.Id}' (not in {LexiconDirectory}/codes.yaml)"));
        }

        foreach (var row in contraindications)
        {
            foreach (var code in row.RedFlags.Where(c => !known.Contains(c)))
            {
                errors.Add(new DialogError(ContraindicationsFile, row.Source.Line, $"unknown red flag '{code}' in contraindication '{row.Code}' (not in {LexiconDirectory}/codes.yaml)"));
            }
        }
    }

    /// <summary>Words yes-no.yaml gives a question of its own belong to a yes-no question of the flow.</summary>
    private static void CheckAnsweredQuestions(FlowDefinition flow, UtteranceRecognizer recognizer, List<DialogError> errors)
    {
        foreach (var (id, (file, line)) in recognizer.Lexicons.AnsweredQuestions.OrderBy(q => q.Key, StringComparer.Ordinal))
        {
            if (!flow.TryGet(id, out var state) || state.Kind != AnswerKind.YesNo)
            {
                errors.Add(new DialogError(Path.Combine(LexiconDirectory, file), line, $"words for question '{id}', which is not a yes-no question in {FlowFile}"));
            }
        }
    }

    /// <summary>
    /// A yes-no question's own button sends its label, which must then read as that button's answer to the question and
    /// nothing else: "hetzelfde of erger" a yes to whether it has not got better, "beter" a no.
    /// </summary>
    private static void CheckButtons(FlowDefinition flow, UtteranceRecognizer recognizer, List<DialogError> errors)
    {
        foreach (var state in flow.States.Where(s => s.Buttons.Count > 0))
        {
            foreach (var (trigger, label) in state.Buttons.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                var expected = trigger switch { Trigger.Yes => YesNo.Yes, Trigger.No => YesNo.No, _ => YesNo.Unknown };
                foreach (var culture in new[] { Cultures.Dutch, Cultures.English })
                {
                    var text = label.Get(culture);
                    var own = recognizer.Booleans.RecognizeAnswerTo(state.Id, text, culture);
                    var read = (own.Count > 0 ? own : recognizer.Booleans.Recognize(text, culture))
                        .Select(r => ((BooleanResolution)r.Resolution).Value).Distinct().ToList();
                    if (read is not [var value] || value != expected)
                    {
                        errors.Add(new DialogError(FlowFile, state.Source.Line, $"the '{trigger}' button of state '{state.Id}' ({culture}: '{text}') does not read as '{trigger}' to that question"));
                    }
                }
            }
        }
    }

    /// <summary>Every body location the recognizers know, every side and every route has a name: the workspace shows them by it.</summary>
    private static void CheckWorkspaceNames(TextCatalog texts, UtteranceRecognizer recognizer, ImmutableList<ContraindicationRule> contraindications, List<DialogError> errors)
    {
        var keys = recognizer.Lexicons.BodyLocationCodes.Order(StringComparer.Ordinal).Select(TextCatalog.LocationKey)
            .Concat(Vocabulary.Sides.Select(TextCatalog.SideKey))
            .Concat(Vocabulary.Routes.Select(TextCatalog.RouteNameKey))
            .Concat(recognizer.Lexicons.RedFlagCodes.Order(StringComparer.Ordinal).Select(TextCatalog.RedFlagNameKey))
            .Concat(contraindications.Select(c => TextCatalog.ContraindicationNameKey(c.Code)));
        foreach (var key in keys.Where(k => !texts.Texts.ContainsKey(k)))
        {
            errors.Add(new DialogError(TextsFile, 1, $"text '{key}' is missing (the therapists' workspace names body locations, sides, routes, red flags and contraindications by it)"));
        }
    }

    /// <summary>A plain answer named in a question's own words (<c>answer.no.emergency-screen</c>) must be of a yes-no question.</summary>
    private static void CheckPlainAnswerNames(TextCatalog texts, FlowDefinition flow, List<DialogError> errors)
    {
        foreach (var key in texts.Texts.Keys.Order(StringComparer.Ordinal))
        {
            var prefix = Vocabulary.PlainAnswerKeys.FirstOrDefault(p => key.StartsWith(p + ".", StringComparison.Ordinal));
            if (prefix is not null && !(flow.TryGet(key[(prefix.Length + 1)..], out var state) && state.Kind == AnswerKind.YesNo))
            {
                errors.Add(new DialogError(TextsFile, 1, $"text '{key}' names '{key[(prefix.Length + 1)..]}', which is not a yes-no question in {FlowFile}"));
            }
        }
    }

    /// <summary>A contraindication a question asks about must be in the table, or it would rule nothing out.</summary>
    private static void CheckContraindicationCodes(FlowDefinition flow, ImmutableList<ContraindicationRule> contraindications, List<DialogError> errors)
    {
        foreach (var state in flow.States.Where(s => s.Contraindication is { } code && !contraindications.Any(c => c.Code == code)))
        {
            errors.Add(new DialogError(FlowFile, state.Source.Line, $"unknown contraindication '{state.Contraindication}' in state '{state.Id}' (not in {ContraindicationsFile})"));
        }
    }

    private static ImmutableList<ContraindicationRule> ReadContraindications(YamlFile file)
    {
        if (file.Root is null || file.AsMapping(file.Root, "the contraindications") is not { } root)
        {
            return [];
        }

        file.RejectUnknownKeys(root, "the contraindications", "contraindications");
        var rows = ImmutableList.CreateBuilder<ContraindicationRule>();
        foreach (var item in file.AsSequence(YamlFile.Child(root, "contraindications"), "'contraindications'")?.Children ?? [])
        {
            if (file.AsMapping(item, "a contraindication") is not { } mapping || file.Scalar(mapping, "code", "a contraindication", required: true) is not { } code)
            {
                continue;
            }

            var owner = $"contraindication '{code}'";
            file.RejectUnknownKeys(mapping, owner, "code", "rules-out", "red-flags");
            if (rows.Any(r => r.Code == code))
            {
                file.Error(mapping, $"duplicate contraindication '{code}'");
                continue;
            }

            var rulesOut = CheckedCodes(file, mapping, "rules-out", owner, Vocabulary.MassageTypes);
            if (rulesOut.Count == 0)
            {
                file.Error(mapping, $"{owner} rules out no massage type");
            }

            rows.Add(new ContraindicationRule { Code = code, RulesOut = rulesOut, RedFlags = [.. file.Codes(mapping, "red-flags", owner)], Source = file.SourceOf(mapping) });
        }

        return rows.ToImmutable();
    }

    private static FlowDefinition? ReadFlow(YamlFile file)
    {
        if (file.AsMapping(file.Root, "the flow") is not { } root)
        {
            return null;
        }

        file.RejectUnknownKeys(root, "the flow", "start", "modules", "scores", "states");
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

        var flow = new FlowDefinition(start ?? "", [.. states]) { Modules = ReadModules(file, root), Scores = ReadScores(file, root) };
        if (start is not null && !flow.Contains(start))
        {
            file.Error(YamlFile.Child(root, "start")!, $"unknown state '{start}' as start");
        }

        ValidateGraph(file, flow);
        ValidateExtensions(file, flow, root);
        return flow;
    }

    private static ImmutableDictionary<string, bool> ReadModules(YamlFile file, YamlMappingNode root)
    {
        var modules = ImmutableDictionary.CreateBuilder<string, bool>(StringComparer.Ordinal);
        if (file.AsMapping(YamlFile.Child(root, "modules"), "'modules'") is not { } map)
        {
            return modules.ToImmutable();
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || file.AsMapping(value, $"module '{key}'") is not { } module)
            {
                continue;
            }

            file.RejectUnknownKeys(module, $"module '{name}'", "enabled", "notice");
            if (YamlFile.Child(module, "enabled") is null)
            {
                file.Error(module, $"module '{name}' has no 'enabled' (true or false)");
            }

            modules[name] = file.Flag(module, "enabled", $"module '{name}'");
        }

        return modules.ToImmutable();
    }

    private static ImmutableDictionary<string, ImmutableList<string>> ReadScores(YamlFile file, YamlMappingNode root)
    {
        var scores = ImmutableDictionary.CreateBuilder<string, ImmutableList<string>>(StringComparer.Ordinal);
        if (file.AsMapping(YamlFile.Child(root, "scores"), "'scores'") is not { } map)
        {
            return scores.ToImmutable();
        }

        foreach (var (key, _) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name })
            {
                scores[name] = [.. file.Codes(map, name, $"score '{name}'")];
            }
        }

        return scores.ToImmutable();
    }

    /// <summary>Checks what goes beyond the graph: skip conditions, modules, language questions and scores.</summary>
    private static void ValidateExtensions(YamlFile file, FlowDefinition flow, YamlMappingNode root)
    {
        var references = KnownReferences(flow);
        foreach (var state in flow.States.Where(s => !s.IsOutcome))
        {
            foreach (var condition in new[] { state.AskWhen, state.PassingUnless, state.FirstWhen })
            {
                foreach (var reference in condition?.References ?? [])
                {
                    if (!references.Contains(reference))
                    {
                        file.Error(state.Source.Line, $"unknown answer '{reference}' in condition '{condition!.Text}' of state '{state.Id}'");
                    }
                }
            }

            if (state.Module is { } module && !flow.Modules.ContainsKey(module))
            {
                file.Error(state.Source.Line, $"state '{state.Id}' is in module '{module}', which 'modules' does not define");
            }

            if ((state.AskWhen is not null || state.Module is not null) && !state.Transitions.Any(t => t.On is null && t.When is null))
            {
                file.Error(state.Source.Line, $"state '{state.Id}' can be skipped but has no transition without 'on' and 'when' to skip by");
            }

            if (state.SetsLanguage && (state.Kind != AnswerKind.Choice || state.Choices.Any(c => c.Code is not (Cultures.Dutch or Cultures.English))))
            {
                file.Error(state.Source.Line, $"state '{state.Id}' sets the language but is not a choice of 'nl' and 'en'");
            }
        }

        foreach (var (name, items) in flow.Scores)
        {
            var line = YamlFile.LineOf(YamlFile.Child(file.AsMapping(YamlFile.Child(root, "scores"), "'scores'")!, name)!);
            if (items.Count == 0)
            {
                file.Error(line, $"score '{name}' counts no questions");
            }

            foreach (var item in items)
            {
                if (!flow.TryGet(item, out var question))
                {
                    file.Error(line, $"score '{name}' counts unknown state '{item}'");
                }
                else if (question.Kind != AnswerKind.Scale && (question.Kind != AnswerKind.Choice || question.Choices.Any(c => c.Score is null)))
                {
                    file.Error(line, $"score '{name}' counts state '{item}', which is neither a scale question nor a choice question with a 'score' on every choice");
                }
            }
        }
    }

    private static DialogState? ReadState(YamlFile file, YamlMappingNode mapping)
    {
        var id = file.Scalar(mapping, "id", "a state", required: true);
        if (id is null)
        {
            return null;
        }

        var owner = $"state '{id}'";
        file.RejectUnknownKeys(mapping, owner, "id", "kind", "question", "choices", "next", "outcome", "red-flag", "recognize", "contraindication", "when", "module", "sets-language", "lasting", "several", "passing-unless", "first-when", "joins-places", "confirm", "emergency", "min", "max", "also-yes", "yes-for-age", "hint", "explain", "why", "again", "label", "buttons", "covers");
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

        foreach (var key in new[] { "recognize", "contraindication", "confirm", "also-yes", "yes-for-age", "buttons", "lasting", "several", "passing-unless", "joins-places" })
        {
            if (YamlFile.Child(mapping, key) is { } node && kind != AnswerKind.YesNo)
            {
                file.Error(node, $"{owner} has '{key}' but is not a yes-no question");
            }
        }

        if (YamlFile.Child(mapping, "covers") is { } covers && (redFlag is null || !file.Flag(mapping, "several", owner)))
        {
            file.Error(covers, $"{owner} has 'covers' but is no red-flag question about several signs ('several: true')");
        }

        var emergency = file.Scalar(mapping, "emergency", owner);
        if (emergency is not null && (!isOutcome || emergency is not ("medical" or "suicide")))
        {
            file.Error(YamlFile.Child(mapping, "emergency")!, $"'emergency' of {owner} must be 'medical' or 'suicide' on an outcome state");
        }

        var askWhenText = file.Scalar(mapping, "when", owner);
        var passingUnlessText = file.Scalar(mapping, "passing-unless", owner);
        var firstWhenText = file.Scalar(mapping, "first-when", owner);
        if (firstWhenText is not null && isOutcome)
        {
            file.Error(YamlFile.Child(mapping, "first-when")!, $"{owner} is an outcome, which 'first-when' cannot ask first");
        }

        var state = new DialogState
        {
            Recognizes = [.. file.Codes(mapping, "recognize", owner)],
            Covers = [.. file.Codes(mapping, "covers", owner)],
            Contraindication = file.Scalar(mapping, "contraindication", owner),
            AlsoYes = ReadAlso(file, mapping, "also-yes", owner),
            YesForAge = ReadAgeRange(file, mapping, owner),
            AskWhen = askWhenText is null ? null : ParseCondition(file, YamlFile.Child(mapping, "when")!, askWhenText),
            Module = file.Scalar(mapping, "module", owner),
            Emergency = emergency,
            SetsLanguage = file.Flag(mapping, "sets-language", owner),
            Lasting = file.Flag(mapping, "lasting", owner),
            Several = file.Flag(mapping, "several", owner),
            JoinsPlaces = file.Flag(mapping, "joins-places", owner),
            PassingUnless = passingUnlessText is null ? null : ParseCondition(file, YamlFile.Child(mapping, "passing-unless")!, passingUnlessText),
            FirstWhen = firstWhenText is null ? null : ParseCondition(file, YamlFile.Child(mapping, "first-when")!, firstWhenText),
            Confirm = file.Text(mapping, "confirm", owner, required: false),
            Hint = file.Text(mapping, "hint", owner, required: false),
            Again = file.Text(mapping, "again", owner, required: false),
            Label = file.Text(mapping, "label", owner, required: false),
            Explain = file.Text(mapping, "explain", owner, required: false),
            Why = file.Text(mapping, "why", owner, required: false),
            Buttons = ReadButtons(file, mapping, owner),
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

    // buttons: {yes, no, unknown}, each a text in nl and en, at least one of them.
    private static ImmutableDictionary<string, LocalizedText> ReadButtons(YamlFile file, YamlMappingNode mapping, string owner)
    {
        if (YamlFile.Child(mapping, "buttons") is not { } node || file.AsMapping(node, $"'buttons' of {owner}") is not { } buttons)
        {
            return ImmutableDictionary<string, LocalizedText>.Empty;
        }

        file.RejectUnknownKeys(buttons, $"'buttons' of {owner}", Trigger.Yes, Trigger.No, Trigger.Unknown);
        var labels = ImmutableDictionary.CreateBuilder<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var trigger in new[] { Trigger.Yes, Trigger.No, Trigger.Unknown })
        {
            if (file.Text(buttons, trigger, $"'buttons' of {owner}", required: false) is { } label)
            {
                labels[trigger] = label;
            }
        }

        if (labels.Count == 0)
        {
            file.Error(node, $"'buttons' of {owner} names none of yes, no and unknown");
        }

        return labels.ToImmutable();
    }

    // yes-for-age: {under, over}, whole ages from 1 to 120, at least one of them, under below over.
    private static AgeRange? ReadAgeRange(YamlFile file, YamlMappingNode mapping, string owner)
    {
        if (YamlFile.Child(mapping, "yes-for-age") is not { } node)
        {
            return null;
        }

        var what = $"'yes-for-age' of {owner}";
        if (file.AsMapping(node, what) is not { } range)
        {
            return null;
        }

        file.RejectUnknownKeys(range, what, "under", "over");
        var under = Age(range, "under");
        var over = Age(range, "over");
        if (under is null && over is null)
        {
            file.Error(range, $"{what} needs 'under' or 'over'");
            return null;
        }

        if (under >= over)
        {
            file.Error(range, $"{what}: 'under' must be below 'over'");
            return null;
        }

        return new AgeRange(under, over);

        int? Age(YamlMappingNode map, string key)
        {
            var value = file.Number(map, key, what);
            if (value is null)
            {
                return null;
            }

            if (!AgeSpan.IsAge(value.Value))
            {
                file.Error(YamlFile.Child(map, key)!, $"'{key}' of {what} must be a whole age from {AgeSpan.MinAge} to {AgeSpan.MaxAge}");
                return null;
            }

            return (int)value;
        }
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

        // A word may pick one choice only: another choice's label or other word would make the answer a guess.
        var said = new Dictionary<string, string>(StringComparer.Ordinal);
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

            file.RejectUnknownKeys(choice, $"choice '{code}' of {owner}", "code", "label", "score", "days", "from-ten", "also", "alone");
            var score = file.Number(choice, "score", $"choice '{code}' of {owner}");
            var days = file.Number(choice, "days", $"choice '{code}' of {owner}");
            if (days is { } given && (given < 0 || given > 14 || given != Math.Floor(given)))
            {
                file.Error(choice, $"days of choice '{code}' of {owner} must be a whole number of days from 0 to 14");
                days = null;
            }

            var fromTen = file.Number(choice, "from-ten", $"choice '{code}' of {owner}");
            if (fromTen is { } least10 && (least10 < 0 || least10 > 10 || least10 != Math.Floor(least10)))
            {
                file.Error(choice, $"from-ten of choice '{code}' of {owner} must be a whole number from 0 to 10");
                fromTen = null;
            }

            var label = file.Text(choice, "label", $"choice '{code}' of {owner}");
            var also = ReadAlso(file, choice, "also", $"choice '{code}' of {owner}");
            var alone = ReadAlso(file, choice, "alone", $"choice '{code}' of {owner}");
            if (choices.Any(c => c.Code == code))
            {
                file.Error(choice, $"duplicate choice '{code}' in {owner}");
                continue;
            }

            if (label is null)
            {
                continue;
            }

            // Compared as the engine compares them with a message: case, punctuation and extra spaces do not count.
            foreach (var word in new[] { label.Nl, label.En }.Concat(also).Concat(alone).DistinctBy(TriageEngine.Normalize, StringComparer.Ordinal))
            {
                var normalized = TriageEngine.Normalize(word);
                if (said.TryGetValue(normalized, out var other))
                {
                    file.Error(choice, $"'{word}' picks both choice '{other}' and choice '{code}' of {owner}");
                }
                else
                {
                    said[normalized] = code;
                }
            }

            choices.Add(new DialogChoice(code, label) { Score = score is { } points ? (int)points : null, FromDays = days is { } least ? (int)least : null, FromTen = fromTen is { } ten ? (int)ten : null, Also = also, Alone = alone });
        }

        return choices.ToImmutable();
    }

    // A choice's other words ("also", "alone") or a yes-no question's own yes words ("also-yes"): "{nl: [...], en: [...]}",
    // either language optional.
    private static ImmutableArray<string> ReadAlso(YamlFile file, YamlMappingNode mapping, string key, string owner)
    {
        if (YamlFile.Child(mapping, key) is not { } node)
        {
            return [];
        }

        if (file.AsMapping(node, $"'{key}' of {owner}") is not { } words)
        {
            return [];
        }

        file.RejectUnknownKeys(words, $"'{key}' of {owner}", Cultures.Dutch, Cultures.English);
        var all = new List<string>();
        foreach (var language in new[] { Cultures.Dutch, Cultures.English })
        {
            all.AddRange(file.Codes(words, language, $"'{key}' of {owner}").Select(w => w.Trim().ToLowerInvariant()));
        }

        return [.. all.Distinct(StringComparer.Ordinal)];
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
        names.UnionWith(flow.Scores.Keys.Select(score => Vocabulary.ScorePrefix + score));
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
            file.RejectUnknownKeys(mapping, owner, "id", "when", "urgency", "routes", "massage", "blocks", "red-flag", "doctor-first", "reason", "reason-without-massage");
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
            var withoutMassage = file.Text(mapping, "reason-without-massage", owner, required: false);
            if (withoutMassage is not null && !(routes.Contains("massage") && routes.Count > 1))
            {
                file.Error(YamlFile.Child(mapping, "reason-without-massage")!, $"{owner} has a reason without massage but does not advise massage beside another route");
            }

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
                    RedFlag = file.Scalar(mapping, "red-flag", owner),
                    DoctorFirst = file.Flag(mapping, "doctor-first", owner),
                    Reason = reason,
                    ReasonWithoutMassage = withoutMassage,
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
        var byCulture = new[] { Cultures.Dutch, Cultures.English }.ToDictionary(c => c, _ => ImmutableDictionary.CreateBuilder<string, ImmutableList<string>>(StringComparer.Ordinal));
        ReadWordLists(file, root, "commands", Vocabulary.Commands, commands, byCulture);
        ReadWordLists(file, root, "cues", Vocabulary.Cues, commands, byCulture);
        return new TextCatalog(texts.ToImmutable(), commands.ToImmutable())
        {
            CommandsByCulture = byCulture.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal),
        };
    }

    private static void ReadWordLists(YamlFile file, YamlMappingNode root, string section, ImmutableArray<string> names, ImmutableDictionary<string, ImmutableList<string>>.Builder lists,
        Dictionary<string, ImmutableDictionary<string, ImmutableList<string>>.Builder> byCulture)
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
                    byCulture[language][command] = [.. list.Select(w => w.Trim().ToLowerInvariant()).Distinct()];
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

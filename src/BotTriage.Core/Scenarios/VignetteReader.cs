using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using YamlDotNet.RepresentationModel;

namespace BotTriage.Core.Scenarios;

/// <summary>
/// Reads a vignette: <c>name</c>, <c>culture</c>, optional <c>today</c>, <c>turns</c> (one message per item, from the
/// welcome on) and <c>expect</c> (the outcome's fields by their contract names; <c>urgency</c>, <c>routes</c> and
/// <c>massageTypes</c> required). Every problem is reported with its line; unknown keys are errors, as typos would
/// otherwise silently weaken the check.
/// </summary>
internal static class VignetteReader
{
    private static readonly string[] Keys = ["name", "culture", "today", "turns", "expect"];
    private static readonly string[] RequiredExpectations = ["urgency", "routes", "massageTypes"];

    public static Script? Read(string path, List<DialogError> errors)
    {
        var local = new List<DialogError>();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var yaml = YamlFile.Load(directory, Path.GetFileName(path), local);
        var script = yaml.Root is null ? null : Read(path, yaml);
        errors.AddRange(local.Select(e => e with { File = path }));
        return local.Count == 0 ? script : null;
    }

    private static Script? Read(string path, YamlFile yaml)
    {
        if (yaml.AsMapping(yaml.Root, "a vignette") is not { } root)
        {
            return null;
        }

        yaml.RejectUnknownKeys(root, "the vignette", Keys);
        var name = yaml.Scalar(root, "name", "the vignette", required: true);
        var culture = yaml.Scalar(root, "culture", "the vignette", required: true);
        if (culture is not null and not (Cultures.Dutch or Cultures.English))
        {
            yaml.Error(YamlFile.Child(root, "culture")!, $"culture must be {Cultures.Dutch} or {Cultures.English}, not '{culture}'");
        }

        DateOnly? today = null;
        if (yaml.Scalar(root, "today", "the vignette") is { } day)
        {
            if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                today = date;
            }
            else
            {
                yaml.Error(YamlFile.Child(root, "today")!, $"today must be a date as YYYY-MM-DD, not '{day}'");
            }
        }

        var turns = ReadTurns(yaml, root);
        var expected = ReadExpected(yaml, root);
        if (name is null || culture is null || turns is null || expected is null)
        {
            return null;
        }

        return new Script
        {
            File = path,
            Name = name,
            Kind = ScriptKind.Vignette,
            Culture = culture,
            Today = today,
            Turns = turns,
            Expected = expected,
        };
    }

    private static ImmutableList<ScriptTurn>? ReadTurns(YamlFile yaml, YamlMappingNode root)
    {
        var node = YamlFile.Child(root, "turns");
        if (node is null)
        {
            yaml.Error(root, "the vignette has no 'turns'");
            return null;
        }

        if (yaml.AsSequence(node, "'turns'") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            yaml.Error(sequence, "'turns' must list at least one message");
            return null;
        }

        var turns = ImmutableList.CreateBuilder<ScriptTurn>();
        foreach (var item in sequence)
        {
            if (item is not YamlScalarNode { Value: { } text })
            {
                yaml.Error(item, "each turn must be a message as text");
                continue;
            }

            // A message is one line: the same script is piped into `bottriage chat`, which reads one message per line.
            if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal))
            {
                yaml.Error(item, "a turn must be a single line");
                continue;
            }

            turns.Add(new ScriptTurn(text));
        }

        return turns.Count == sequence.Children.Count ? turns.ToImmutable() : null;
    }

    private static ExpectedOutcome? ReadExpected(YamlFile yaml, YamlMappingNode root)
    {
        var node = YamlFile.Child(root, "expect");
        if (node is null)
        {
            yaml.Error(root, "the vignette has no 'expect'");
            return null;
        }

        if (yaml.AsMapping(node, "'expect'") is not { } expect)
        {
            return null;
        }

        var fields = ImmutableSortedDictionary.CreateBuilder<string, ExpectedValue>(StringComparer.Ordinal);
        var valid = true;
        foreach (var (keyNode, valueNode) in expect.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!OutcomeContract.Fields.TryGetValue(key, out var kind))
            {
                yaml.Error(keyNode, $"'expect' has an unknown key '{key}' (known: {string.Join(", ", OutcomeContract.Fields.Where(f => f.Value != OutcomeFieldKind.Other).Select(f => f.Key))})");
                valid = false;
                continue;
            }

            if (ReadValue(yaml, key, kind, valueNode) is { } value)
            {
                fields[key] = new ExpectedValue(value, YamlFile.LineOf(valueNode));
            }
            else
            {
                valid = false;
            }
        }

        foreach (var required in RequiredExpectations.Where(r => !fields.ContainsKey(r) && YamlFile.Child(expect, r) is null))
        {
            yaml.Error(expect, $"'expect' has no '{required}'");
            valid = false;
        }

        return valid ? new ExpectedOutcome(fields.ToImmutable(), Complete: false) { Line = YamlFile.LineOf(expect) } : null;
    }

    private static JsonElement? ReadValue(YamlFile yaml, string key, OutcomeFieldKind kind, YamlNode node)
    {
        var scalar = (node as YamlScalarNode)?.Value;
        switch (kind)
        {
            case OutcomeFieldKind.Codes:
                if (node is not YamlSequenceNode list)
                {
                    yaml.Error(node, $"'{key}' must be a list of codes, such as [a, b] or []");
                    return null;
                }

                var codes = new List<string>();
                foreach (var item in list)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } code })
                    {
                        codes.Add(code);
                    }
                    else
                    {
                        yaml.Error(item, $"'{key}' must list codes");
                        return null;
                    }
                }

                return JsonSerializer.SerializeToElement(codes.ToArray(), ScenarioJsonContext.Default.StringArray);
            case OutcomeFieldKind.Flag when bool.TryParse(scalar, out var flag):
                return JsonSerializer.SerializeToElement(flag, ScenarioJsonContext.Default.Boolean);
            case OutcomeFieldKind.Flag:
                yaml.Error(node, $"'{key}' must be true or false");
                return null;
            case OutcomeFieldKind.Number when double.TryParse(scalar, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonSerializer.SerializeToElement(number, ScenarioJsonContext.Default.Double);
            case OutcomeFieldKind.Number:
                yaml.Error(node, $"'{key}' must be a number");
                return null;
            case OutcomeFieldKind.Text when key == "urgency" && !OutcomeContract.Urgencies.Contains(scalar ?? ""):
                yaml.Error(node, $"'urgency' must be one of {string.Join(", ", OutcomeContract.Urgencies)}");
                return null;
            case OutcomeFieldKind.Text when scalar is { Length: > 0 }:
                return JsonSerializer.SerializeToElement(scalar, ScenarioJsonContext.Default.String);
            case OutcomeFieldKind.Text:
                yaml.Error(node, $"'{key}' must be a value");
                return null;
            default:
                yaml.Error(node, $"'{key}' cannot be expected in a vignette");
                return null;
        }
    }
}

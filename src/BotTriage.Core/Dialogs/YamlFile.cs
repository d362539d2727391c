using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// A YAML file read into nodes that remember their line, with helpers that report problems as
/// <see cref="DialogError"/>s instead of throwing, so one run lists every error in a file.
/// </summary>
internal sealed class YamlFile
{
    private readonly List<DialogError> _errors;

    private YamlFile(string name, YamlNode? root, List<DialogError> errors)
    {
        Name = name;
        Root = root;
        _errors = errors;
    }

    public string Name { get; }

    /// <summary>The document's root node, or null when the file is missing, empty or does not parse.</summary>
    public YamlNode? Root { get; }

    public static YamlFile Load(string directory, string fileName, List<DialogError> errors, bool required = true)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
        {
            if (required)
            {
                errors.Add(new DialogError(fileName, 1, "file is missing"));
            }

            return new YamlFile(fileName, null, errors);
        }

        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            if (root is null && required)
            {
                errors.Add(new DialogError(fileName, 1, "file is empty"));
            }

            return new YamlFile(fileName, root, errors);
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            errors.Add(new DialogError(fileName, (int)Math.Max(1, e.Start.Line), $"invalid YAML: {message}"));
            return new YamlFile(fileName, null, errors);
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position on some unterminated constructs (an unclosed '[' or quote);
            // the last event it produced is the nearest place to look.
            var line = parser.Current is { } last ? (int)Math.Max(1, last.End.Line) : 1;
            errors.Add(new DialogError(fileName, line, "invalid YAML: unterminated list, mapping or quoted text"));
            return new YamlFile(fileName, null, errors);
        }
    }

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public SourceLine SourceOf(YamlNode node) => new(Name, LineOf(node));

    public void Error(YamlNode node, string message) => _errors.Add(new DialogError(Name, LineOf(node), message));

    public void Error(int line, string message) => _errors.Add(new DialogError(Name, line, message));

    public YamlMappingNode? AsMapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a mapping");
        }

        return null;
    }

    public YamlSequenceNode? AsSequence(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        if (node is not null)
        {
            Error(node, $"{what} must be a list");
        }

        return null;
    }

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Scalar(YamlMappingNode mapping, string key, string owner, bool required = false)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Error(mapping, $"{owner} has no '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && value.Length > 0)
        {
            return value;
        }

        Error(node, $"'{key}' of {owner} must be a non-empty value");
        return null;
    }

    public double? Number(YamlMappingNode mapping, string key, string owner)
    {
        var text = Scalar(mapping, key, owner);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        Error(Child(mapping, key)!, $"'{key}' of {owner} must be a number");
        return null;
    }

    public bool Flag(YamlMappingNode mapping, string key, string owner)
    {
        var text = Scalar(mapping, key, owner);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var flag))
        {
            return flag;
        }

        Error(Child(mapping, key)!, $"'{key}' of {owner} must be true or false");
        return false;
    }

    /// <summary>A list of codes written either as a YAML list or as one scalar.</summary>
    public List<string> Codes(YamlMappingNode mapping, string key, string owner)
    {
        var node = Child(mapping, key);
        var codes = new List<string>();
        switch (node)
        {
            case null:
                break;
            case YamlScalarNode { Value: { Length: > 0 } single }:
                codes.Add(single);
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } code })
                    {
                        codes.Add(code);
                    }
                    else
                    {
                        Error(item, $"'{key}' of {owner} must list codes");
                    }
                }

                break;
            default:
                Error(node, $"'{key}' of {owner} must be a code or a list of codes");
                break;
        }

        return codes;
    }

    /// <summary>
    /// A text with <c>nl</c> and <c>en</c>; a missing language is an error, and the other language stands in
    /// for it so that loading can go on and find further errors.
    /// </summary>
    public LocalizedText? Text(YamlMappingNode mapping, string key, string owner, bool required = true)
    {
        var node = Child(mapping, key);
        if (node is null)
        {
            if (required)
            {
                Error(mapping, $"{owner} has no '{key}'");
            }

            return null;
        }

        return TextOf(node, $"'{key}' of {owner}");
    }

    public LocalizedText? TextOf(YamlNode node, string owner)
    {
        if (AsMapping(node, $"{owner} (with nl and en)") is not { } texts)
        {
            return null;
        }

        var nl = LanguageText(texts, Cultures.Dutch, owner);
        var en = LanguageText(texts, Cultures.English, owner);
        foreach (var key in texts.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } language } && language is not (Cultures.Dutch or Cultures.English))
            {
                Error(key, $"{owner} has an unknown language '{language}' (expected nl and en)");
            }
        }

        return nl is null && en is null ? null : new LocalizedText(nl ?? en!, en ?? nl!);
    }

    private string? LanguageText(YamlMappingNode texts, string language, string owner)
    {
        var node = Child(texts, language);
        if (node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0)
        {
            return value.Trim();
        }

        var name = language == Cultures.Dutch ? "Dutch (nl)" : "English (en)";
        Error(node ?? texts, $"{owner} is missing its {name} text");
        return null;
    }

    /// <summary>Reports keys of a mapping that the format does not know, which are usually typos.</summary>
    public void RejectUnknownKeys(YamlMappingNode mapping, string owner, params string[] known)
    {
        foreach (var key in mapping.Children.Keys)
        {
            if (key is YamlScalarNode { Value: { } name } && Array.IndexOf(known, name) < 0)
            {
                Error(key, $"{owner} has an unknown key '{name}'");
            }
        }
    }
}

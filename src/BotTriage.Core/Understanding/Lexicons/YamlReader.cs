using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Reads a lexicon file into <see cref="YamlNode"/>s from YamlDotNet's parser events. The representation model would
/// stop at the first duplicate key; reading events keeps every key and its line.
/// </summary>
internal static class YamlReader
{
    /// <summary>Parses one document; throws <see cref="YamlException"/> (with its position) for malformed YAML.</summary>
    public static YamlNode? Read(TextReader input)
    {
        var parser = new Parser(input);
        try
        {
            return ReadDocument(parser);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this, without a position, when the file ends inside a flow list or a quote;
            // the last event read is where the unclosed construct started.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, at, "the file ends inside an unclosed list, mapping or quote", e);
        }
    }

    private static YamlNode? ReadDocument(Parser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser);
        parser.Consume<DocumentEnd>();
        if (!parser.Accept<StreamEnd>(out _))
        {
            throw new YamlException(parser.Current!.Start, parser.Current.End, "only one document is allowed");
        }

        return root;
    }

    private static YamlNode ReadNode(Parser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new YamlScalar(Line(scalar), scalar.Value);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser));
            }

            return new YamlList(Line(sequenceStart), items);
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (ReadNode(parser) is not YamlScalar key)
                {
                    throw new YamlException(parser.Current!.Start, parser.Current.End, "a key must be a plain value");
                }

                entries.Add(new(key, ReadNode(parser)));
            }

            return new YamlMap(Line(mappingStart), entries);
        }

        var current = parser.Current!;
        throw new YamlException(current.Start, current.End, "anchors and aliases are not used in lexicons");
    }

    private static int Line(ParsingEvent e) => (int)e.Start.Line;
}

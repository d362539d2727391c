namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>A node of a lexicon file with the line it starts on, so every check can say where the problem is.</summary>
internal abstract record YamlNode(int Line);

/// <summary>A scalar value.</summary>
internal sealed record YamlScalar(int Line, string Value) : YamlNode(Line);

/// <summary>A list.</summary>
internal sealed record YamlList(int Line, IReadOnlyList<YamlNode> Items) : YamlNode(Line);

/// <summary>A mapping, in file order, duplicates kept so the loader can report them.</summary>
internal sealed record YamlMap(int Line, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries) : YamlNode(Line);

using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>The engine's own messages and command words, from dialogs/texts.yaml.</summary>
public sealed record TextCatalog(ImmutableDictionary<string, LocalizedText> Texts, ImmutableDictionary<string, ImmutableList<string>> Commands)
{
    /// <summary>The text by key for a culture; the loader guarantees the required keys exist.</summary>
    public string Get(string key, string culture) => Texts[key].Get(culture);
}

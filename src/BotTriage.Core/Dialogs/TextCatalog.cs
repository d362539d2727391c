using System.Collections.Immutable;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Dialogs;

/// <summary>The engine's own messages and command words, from dialogs/texts.yaml.</summary>
public sealed record TextCatalog(ImmutableDictionary<string, LocalizedText> Texts, ImmutableDictionary<string, ImmutableList<string>> Commands)
{
    /// <summary>
    /// The command and cue words of one language, by culture and then by name; <see cref="Commands"/> holds both
    /// languages' words together. For a cue whose words mean something else in the other language: the Dutch "been"
    /// (leg) is English for "geweest".
    /// </summary>
    public ImmutableDictionary<string, ImmutableDictionary<string, ImmutableList<string>>> CommandsByCulture { get; init; } =
        ImmutableDictionary<string, ImmutableDictionary<string, ImmutableList<string>>>.Empty;

    /// <summary>The text by key for a culture; the loader guarantees the required keys exist.</summary>
    public string Get(string key, string culture) => Texts[key].Get(culture);

    /// <summary>The key of a body location's name: <c>location.lower-back</c>.</summary>
    public static string LocationKey(string code) => "location." + code;

    /// <summary>The key of a side's name: <c>side.left</c>.</summary>
    public static string SideKey(BodySide side) => "side." + side.ToString().ToLowerInvariant();

    /// <summary>The key of a massage type's name: <c>massage.deep-tissue</c>.</summary>
    public static string MassageKey(string code) => "massage." + code;

    /// <summary>The key of a route's short name: <c>route-name.gp</c>.</summary>
    public static string RouteNameKey(string code) => "route-name." + code;

    /// <summary>The key of a red flag's name: <c>red-flag-name.night-pain</c>.</summary>
    public static string RedFlagNameKey(string code) => "red-flag-name." + code;

    /// <summary>The key of a massage contraindication's name: <c>contraindication-name.blood-thinners</c>.</summary>
    public static string ContraindicationNameKey(string code) => "contraindication-name." + code;

    /// <summary>Items as one list in <paramref name="culture"/>: "a, b en c".</summary>
    public string List(IReadOnlyList<string> items, string culture) =>
        items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items.Take(items.Count - 1))} {Get("list.and", culture)} {items[^1]}";

    /// <summary>The text by key, or <paramref name="fallback"/> when the catalog has none (a code from older stored state).</summary>
    public string GetOr(string key, string culture, string fallback) =>
        Texts.TryGetValue(key, out var text) ? text.Get(culture) : fallback;

    /// <summary>
    /// A body location by name, with its side when one was said: "knie (links)", "knee (left)". The loader guarantees a
    /// name for every code the recognizers know; a code from older stored state without one is shown as it is.
    /// </summary>
    public string Location(BodyLocation location, string culture)
    {
        ArgumentNullException.ThrowIfNull(location);
        var name = GetOr(LocationKey(location.Code), culture, location.Code);
        return location.Side == BodySide.Unspecified || !Texts.TryGetValue(SideKey(location.Side), out var side)
            ? name
            : $"{name} ({side.Get(culture)})";
    }
}

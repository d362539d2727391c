using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Lexicons;

/// <summary>
/// Phrases as token-id paths, matched longest-first at a token. A <c>...</c> in a phrase (<see cref="Gap"/>) skips up
/// to <see cref="MaxGapWords"/> words within the clause, so "ik kan ... niet meer plassen" also matches
/// "ik kan sinds gisteren niet meer plassen". The work per start token is bounded by the phrase lengths, so matching
/// is linear in the text.
/// </summary>
internal sealed class PhraseTrie<T>
{
    public const int Gap = -2;
    public const int MaxGapWords = 3;

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>
    /// Whether a text's aliases (<see cref="TokenizedText.Aliases"/>) count in every message, not only in one told on
    /// someone's behalf: an emergency's phrases.
    /// </summary>
    public bool AliasesAlways { get; init; }

    /// <summary>
    /// Words a <c>...</c> never skips: with the negation words here, "kuit is ... dikker" does not match "kuit is niet
    /// dikker". A phrase that names such a word itself ("kan ... niet ... plassen") still matches it.
    /// </summary>
    public IReadOnlySet<int>? GapStops { get; init; }

    /// <summary>Adds a phrase; false (and the earlier value) when the phrase is already there.</summary>
    public bool TryAdd(IReadOnlyList<int> ids, T value, out T existing)
    {
        var node = _root;
        foreach (var id in ids)
        {
            if (id == Gap)
            {
                node = node.GapNext ??= new Node();
            }
            else
            {
                node.Next ??= [];
                if (!node.Next.TryGetValue(id, out var next))
                {
                    next = new Node();
                    node.Next.Add(id, next);
                }

                node = next;
            }
        }

        if (node.HasValue)
        {
            existing = node.Value!;
            return false;
        }

        node.HasValue = true;
        node.Value = value;
        Count++;
        existing = value;
        return true;
    }

    /// <summary>The longest phrase starting at token <paramref name="start"/>; <paramref name="end"/> is the exclusive end token.</summary>
    public bool TryMatch(TokenizedText text, int start, out int end, out T value) => Match(text, start, false, default, out end, out value);

    /// <summary>Whether a phrase starts anywhere in <paramref name="text"/>.</summary>
    public bool OccursIn(TokenizedText text)
    {
        for (var k = 0; k < text.Count; k++)
        {
            if (TryMatch(text, k, out _, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest phrase starting at token <paramref name="start"/> whose value is not <paramref name="except"/>.</summary>
    public bool TryMatchExcept(TokenizedText text, int start, T except, out int end, out T value) => Match(text, start, true, except, out end, out value);

    /// <summary>
    /// Whether the whole of <paramref name="ids"/>, no gap skipped, is a phrase; a <see cref="Gap"/> among them is the
    /// phrase's own gap, as it was added.
    /// </summary>
    public bool TryMatchExactly(ReadOnlySpan<int> ids, out T value)
    {
        var node = _root;
        foreach (var id in ids)
        {
            var next = id == Gap ? node.GapNext : node.Next is not null && node.Next.TryGetValue(id, out var word) ? word : null;
            if (next is null)
            {
                value = default!;
                return false;
            }

            node = next;
        }

        value = node.Value!;
        return node.HasValue;
    }

    private bool Match(TokenizedText text, int start, bool hasExcept, T? except, out int end, out T value)
    {
        end = -1;
        value = default!;
        if (start >= text.Count || Count == 0)
        {
            return false;
        }

        var aliases = text.OnBehalf || AliasesAlways ? text.Aliases : null;
        Walk(_root, text, start, GapStops, aliases, hasExcept, except, ref end, ref value, atRoot: true);
        return end > start;
    }

    private static void Walk(Node node, TokenizedText text, int position, IReadOnlySet<int>? stops, IReadOnlyDictionary<int, int>? aliases, bool hasExcept, T? except, ref int bestEnd, ref T bestValue, bool atRoot = false, bool afterFirst = false)
    {
        if (node.HasValue && position > bestEnd && !(hasExcept && EqualityComparer<T>.Default.Equals(node.Value, except)))
        {
            bestEnd = position;
            bestValue = node.Value!;
        }

        if (position < text.Count && node.Next is not null)
        {
            var id = text.Tokens[position].Id;
            if (id >= 0 && node.Next.TryGetValue(id, out var next))
            {
                Walk(next, text, position + 1, stops, aliases, hasExcept, except, ref bestEnd, ref bestValue, afterFirst: atRoot);
            }

            // "Sinds gisteren kan ik niet goed lopen": the subject after the phrase's first word, the verb, is skipped.
            if (afterFirst && text.Inverted is { } inverted && inverted.Contains(id) && position + 1 < text.Count)
            {
                Walk(node, text, position + 1, stops, aliases, hasExcept, except, ref bestEnd, ref bestValue);
            }

            // "Pijn op zijn borst" told on someone's behalf reads as "pijn op mijn borst" as well.
            if (id >= 0 && aliases is not null && aliases.TryGetValue(id, out var alias) && node.Next.TryGetValue(alias, out var aliased))
            {
                Walk(aliased, text, position + 1, stops, aliases, hasExcept, except, ref bestEnd, ref bestValue);
            }

            // "I want 2 die" reads as "i want to die".
            if (id < 0 && text.DigitWords is not null && text.DigitWords.TryGetValue(position, out var word) && node.Next.TryGetValue(word, out var spelled))
            {
                Walk(spelled, text, position + 1, stops, aliases, hasExcept, except, ref bestEnd, ref bestValue);
            }
        }

        if (node.GapNext is not null)
        {
            // The gap node itself never ends a phrase; try the words after zero to MaxGapWords skipped words.
            for (var skip = 0; skip <= MaxGapWords; skip++)
            {
                var at = position + skip;
                if (at >= text.Count)
                {
                    break;
                }

                if (skip > 0 && (text.Tokens[at - 1].IsBreak || (stops is not null && stops.Contains(text.Tokens[at - 1].Id))))
                {
                    break;
                }

                Walk(node.GapNext, text, at, stops, aliases, hasExcept, except, ref bestEnd, ref bestValue);
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<int, Node>? Next { get; set; }

        public Node? GapNext { get; set; }

        public bool HasValue { get; set; }

        public T? Value { get; set; }
    }
}

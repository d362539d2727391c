using BotTriage.Core.Triage;
using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds body areas (<see cref="BodyLocationResolution"/>) from the body-location lexicon, including Dutch compounds
/// (<c>linkerknie</c>, <c>rugpijn</c>, <c>kuitkramp</c>), with the side said near it in the same clause
/// (<c>links</c>, <c>left</c>, <c>aan beide kanten</c>); a plural phrase (<c>kuiten</c>, <c>calves</c>) means both sides. Thread-safe.
/// </summary>
public sealed class BodyLocationRecognizer : LexiconRecognizer
{
    private const int SideReach = 4;
    private const int MinimumCore = 3;
    private const int MaxCompoundLength = 64;

    public BodyLocationRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, results);

    /// <summary>
    /// The first side named in <paramref name="text"/> (<c>de rechter</c>, <c>the left one</c>), for a side said on its
    /// own, without a place; null when there is none.
    /// </summary>
    public BodySide? FirstSide(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var k = 0; k < tokens.Count; k++)
        {
            // "Right now" is no side: the search goes on.
            if (SideAt(tokens, lexicon, k, out _, out var side) && side is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The side of the first place among <paramref name="codes"/> that a word of spreading pain leads to in its clause
    /// ("onderrug, trekt door tot in mijn linkerkuit": left), with <see cref="BodySide.Unspecified"/> for one said without
    /// a side, also in the plural ("it goes down in my hamstrings": whether both legs, the question about that asks);
    /// null when the pain spreads to none of them. Such a place is left out of the places found (a complaint is where it
    /// starts), so this is how to know where it goes. A word of <paramref name="words"/> there counts as such a place
    /// too, with the side said beside it: "radiating down my left leg".
    /// </summary>
    public BodySide? SpreadsInto(string text, string culture, IReadOnlySet<string> codes, IReadOnlySet<string>? words = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(codes);
        var lexicon = Lexicons.Get(culture);
        var tokens = lexicon.Tokenize(text);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!lexicon.Radiating.TryMatch(tokens, k, out var end, out _))
            {
                continue;
            }

            for (var i = end; i < tokens.Count && !tokens.Tokens[i].IsBreak; i++)
            {
                if (TryPlace(tokens, lexicon, i, out var placeEnd, out var entry, out var side) && codes.Contains(entry.Code))
                {
                    return side ?? SideNear(tokens, lexicon, i, placeEnd) ?? BodySide.Unspecified;
                }

                if (words is not null && words.Contains(tokens.TextOf(i).ToString()))
                {
                    return SideNear(tokens, lexicon, i, i + 1) ?? BodySide.Unspecified;
                }
            }
        }

        return null;
    }

    /// <summary>A place's words at token <paramref name="i"/>: a phrase of the lexicon, or a compound ("rugpijn", "linkerknie").</summary>
    internal static bool TryPlace(TokenizedText text, LanguageLexicon lexicon, int i, out int end, out LocationEntry entry, out BodySide? side)
    {
        side = null;
        if (lexicon.Locations.TryMatch(text, i, out end, out entry))
        {
            return true;
        }

        end = i + 1;
        return text.Tokens[i].Kind == TokenKind.Word && TryCompound(text.TextOf(i), lexicon, out entry, out side);
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var found = results.Count;
        List<ModelResult>? aside = null;
        var i = 0;
        while (i < text.Count)
        {
            if (!TryPlace(text, lexicon, i, out var end, out var entry, out var side))
            {
                i++;
                continue;
            }

            if (entry.Code.Length == 0)
            {
                // A phrase such as "came back" or "terug" that only looks like a location.
                i = end;
                continue;
            }

            // "Back in 2019", "back in march": a time, when a year or a month follows, unless the person's own word comes
            // before it ("I hurt my back in 2019").
            if (lexicon.NotLocationsBeforeADate.TryMatch(text, i, out var timeEnd, out _) && timeEnd < text.Count
                && (text.Tokens[timeEnd] is { Kind: TokenKind.Number, Length: 4 } || lexicon.Months.ContainsKey(text.Tokens[timeEnd].Id))
                && (i == 0 || !lexicon.SelfWords.Contains(text.Tokens[i - 1].Id)))
            {
                i = timeEnd;
                continue;
            }

            side ??= SideNear(text, lexicon, i, end) ?? (entry.Plural ? null : SideAfterBreak(text, lexicon, end));
            var resolved = side ?? (entry.Plural ? BodySide.Both : BodySide.Unspecified);
            var result = text.Result(i, end - 1, new BodyLocationResolution(entry.Code, resolved));
            // "Geen boven- en onderrug": a place that shares its words with the one before is read from that one's start.
            var from = i;
            var added = 1;
            if (Elided(text, lexicon, i, end, resolved, out var word) is { } elided)
            {
                results.Add(elided);
                from = word;
                added = 2;
            }

            results.Add(result);
            // Where pain spreads to, a place ruled out ("geen rugpijn", "nek heb ik niks aan") or someone else's ("mijn
            // opa had een hernia") is left out when another place is named.
            if (SpreadsTo(text, lexicon, from) || NegationScope.FindCue(text, lexicon, from) >= 0 || NegationScope.FindDenialAfter(text, lexicon, from, end) >= 0
                || SomeoneElse.Holds(text, lexicon, from, end))
            {
                (aside ??= []).AddRange(results.GetRange(results.Count - added, added));
            }

            i = end;
        }

        // "Onderrug, straalt uit naar mijn been tot in mijn voet": the foot is where the back pain goes, not a complaint
        // of its own; "geen rugpijn, wel nekpijn" and "mijn nek, niet mijn rug" are the neck. Such places stay when
        // nothing else is named ("tot in mijn voet", "ik kan niet op mijn rug liggen").
        if (aside is not null && results.Count - found > aside.Count)
        {
            results.RemoveAll(aside.Contains);
        }
    }

    /// <summary>
    /// The first of two places whose shared part is said once, before a joiner and the place at
    /// <paramref name="start"/>: "boven- en onderrug" is the upper back too, "linker- en rechterknie" the left knee,
    /// "upper and lower back" the upper back. Null when the word before the joiner with the rest of this place is no place.
    /// </summary>
    private static ModelResult? Elided(TokenizedText text, LanguageLexicon lexicon, int start, int end, BodySide side, out int word)
    {
        word = -1;
        var joiner = start - 1;
        if (joiner < 1 || text.Tokens[joiner].Kind != TokenKind.Word || !lexicon.PlaceJoiners.Contains(text.Tokens[joiner].Id))
        {
            return null;
        }

        // A hyphen marks the part left out in Dutch ("boven- en onderrug").
        word = text.Tokens[joiner - 1].Kind == TokenKind.Punctuation && !text.Tokens[joiner - 1].IsBreak ? joiner - 2 : joiner - 1;
        if (word < 0 || text.Tokens[word].Kind != TokenKind.Word || IsLocationAt(text, lexicon, word))
        {
            return null;
        }

        LocationEntry entry;
        BodySide? ownSide = null;
        if (end - start > 1)
        {
            // "Upper and lower back": the first word of the phrase is replaced.
            Span<int> ids = stackalloc int[end - start];
            ids[0] = text.Tokens[word].Id;
            for (var k = start + 1; k < end; k++)
            {
                ids[k - start] = text.Tokens[k].Id;
            }

            if (ids[0] < 0 || !lexicon.Locations.TryMatchExactly(ids, out entry))
            {
                return null;
            }
        }
        else if (!ElidedCompound(text.TextOf(word), text.TextOf(start), lexicon, out entry, out ownSide))
        {
            return null;
        }

        return entry.Code.Length == 0 ? null : text.Result(word, word, new BodyLocationResolution(entry.Code, ownSide ?? side));
    }

    // "Boven" and "onderrug" make "bovenrug": the first word with the end of the compound, the longest end first.
    private static bool ElidedCompound(ReadOnlySpan<char> first, ReadOnlySpan<char> compound, LanguageLexicon lexicon, out LocationEntry entry, out BodySide? side)
    {
        entry = null!;
        side = null;
        if (first.Length + compound.Length > MaxCompoundLength)
        {
            // No place is written that long; a long run of letters is not put on the stack.
            return false;
        }

        Span<char> joined = stackalloc char[first.Length + compound.Length];
        first.CopyTo(joined);
        for (var cut = 1; cut <= compound.Length - MinimumCore; cut++)
        {
            var rest = compound[cut..];
            rest.CopyTo(joined[first.Length..]);
            var candidate = joined[..(first.Length + rest.Length)];
            if (lexicon.TryLocationWord(candidate, out entry))
            {
                side = null;
                return true;
            }

            if (TryCompound(candidate, lexicon, out entry, out side))
            {
                return true;
            }
        }

        side = null;
        return false;
    }

    // Whether a word of spreading pain (body-locations.yaml radiating) comes before the place at start in its clause.
    private static bool SpreadsTo(TokenizedText text, LanguageLexicon lexicon, int start)
    {
        for (var k = start - 1; k >= 0 && !text.Tokens[k].IsBreak; k--)
        {
            if (lexicon.Radiating.TryMatch(text, k, out var end, out _) && end <= start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A word made of a side prefix, a location and a complaint suffix, each optional but the location.</summary>
    private static bool TryCompound(ReadOnlySpan<char> word, LanguageLexicon lexicon, out LocationEntry entry, out BodySide? side)
    {
        side = null;
        var rest = word;
        foreach (var (prefix, prefixSide) in lexicon.SidePrefixes)
        {
            if (rest.Length >= prefix.Length + MinimumCore && rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                rest = rest[prefix.Length..];
                side = prefixSide;
                break;
            }
        }

        if (side is not null && lexicon.TryLocationWord(rest, out entry))
        {
            return true;
        }

        foreach (var suffix in lexicon.CompoundSuffixes)
        {
            if (rest.Length >= suffix.Length + MinimumCore && rest.EndsWith(suffix, StringComparison.Ordinal) && lexicon.TryLocationWord(rest[..^suffix.Length], out entry))
            {
                return true;
            }
        }

        entry = null!;
        return false;
    }

    /// <summary>
    /// "Mijn onderrug, vooral rechts": a side in the next clause, which names no place of its own, belongs to the last
    /// place before it.
    /// </summary>
    private static BodySide? SideAfterBreak(TokenizedText text, LanguageLexicon lexicon, int end)
    {
        // Neither the rest of this clause nor the next one may name a place: the side would be that place's.
        if (ClauseEndWithoutPlace(text, lexicon, end) is not { } k || ClauseEndWithoutPlace(text, lexicon, k + 1) is not { } clauseEnd)
        {
            return null;
        }

        for (var next = k + 1; next < clauseEnd && next <= k + SideReach; next++)
        {
            if (lexicon.Radiating.TryMatch(text, next, out _, out _))
            {
                // "Onderrug, straalt uit naar mijn linker been": the side is where the pain goes.
                return null;
            }

            if (SideAt(text, lexicon, next, out _, out var side))
            {
                return side;
            }
        }

        return null;
    }

    // Where the clause that goes on at `from` ends (its break, or the end of the text); null when it names a place.
    private static int? ClauseEndWithoutPlace(TokenizedText text, LanguageLexicon lexicon, int from)
    {
        var k = from;
        while (k < text.Count && !text.Tokens[k].IsBreak)
        {
            if (IsLocationAt(text, lexicon, k))
            {
                return null;
            }

            k++;
        }

        return k;
    }

    // A place at k or one word further ("right hip", "rechter schouder", "right side of my neck" is no such case).
    private static bool BeforeAPlace(TokenizedText text, LanguageLexicon lexicon, int k) =>
        k < text.Count && !text.Tokens[k].IsBreak && IsLocationAt(text, lexicon, k);

    private static bool IsLocationAt(TokenizedText text, LanguageLexicon lexicon, int k) =>
        lexicon.Locations.TryMatch(text, k, out _, out _)
        || (text.Tokens[k].Kind == TokenKind.Word && TryCompound(text.TextOf(k), lexicon, out _, out _));

    // Whether a place ends right before token k ("schouder" in "schouder rechts", "lower back" in "lower back left").
    private static bool PlaceEndsAt(TokenizedText text, LanguageLexicon lexicon, int k)
    {
        for (var j = k - 1; j >= 0 && j >= k - SideReach && !text.Tokens[j].IsBreak; j--)
        {
            if ((lexicon.Locations.TryMatch(text, j, out var end, out _) && end == k)
                || (j == k - 1 && text.Tokens[j].Kind == TokenKind.Word && TryCompound(text.TextOf(j), lexicon, out _, out _)))
            {
                return true;
            }
        }

        return false;
    }

    private static BodySide? SideNear(TokenizedText text, LanguageLexicon lexicon, int start, int end)
    {
        // "R shoulder", "li knie": a side written short counts only right before its place.
        if (start > 0 && lexicon.ShortSides.Count > 0 && lexicon.ShortSides.TryMatch(text, start - 1, out var shortEnd, out var shortSide) && shortEnd == start)
        {
            return shortSide;
        }

        for (var k = start - 1; k >= 0 && k >= start - SideReach && !text.Tokens[k].IsBreak; k--)
        {
            if (SideAt(text, lexicon, k, out var sideEnd, out var side) && sideEnd <= start)
            {
                // "Left and right calf": a longer side that ends where this one does.
                var sideStart = k;
                for (var j = k - 1; j >= 0 && j >= k - SideReach && !text.Tokens[j].IsBreak; j--)
                {
                    if (SideAt(text, lexicon, j, out var longerEnd, out var longer) && longerEnd == sideEnd)
                    {
                        side = longer;
                        sideStart = j;
                    }
                }

                // "Mijn schouder rechts en mijn heup links": a side right after another place is that place's, and
                // this place's side may follow it. "Left leg and lower back": one before a word that takes it is that
                // word's.
                if (PlaceEndsAt(text, lexicon, sideStart) || lexicon.SideTakers.TryMatch(text, sideEnd, out _, out _))
                {
                    break;
                }

                return side;
            }
        }

        for (var k = end; k < text.Count && k < end + SideReach && !text.Tokens[k].IsBreak; k++)
        {
            if (SideAt(text, lexicon, k, out var sideEnd, out var side))
            {
                // "Lower back and my right hip": a side right before the next place is that place's; "lower back and
                // left leg", before a word that takes it, that word's.
                return BeforeAPlace(text, lexicon, sideEnd) || lexicon.SideTakers.TryMatch(text, sideEnd, out _, out _) ? null : side;
            }

            if (lexicon.Locations.TryMatch(text, k, out _, out _))
            {
                // The next location takes what follows.
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// The side whose words start at token <paramref name="k"/>; a phrase of no side that starts a few words before and
    /// takes in this one wins ("since my husband left", "nothing left"), as it does when it starts here ("right now").
    /// </summary>
    private static bool SideAt(TokenizedText text, LanguageLexicon lexicon, int k, out int end, out BodySide? side)
    {
        for (var j = Math.Max(0, k - SideReach); j < k; j++)
        {
            if (lexicon.Sides.TryMatch(text, j, out var noneEnd, out var none) && none is null && noneEnd > k)
            {
                end = noneEnd;
                side = null;
                return true;
            }
        }

        return lexicon.Sides.TryMatch(text, k, out end, out side);
    }
}

using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding.Numbers;

/// <summary>
/// Reads the longest number at a token: a vague amount (<c>een paar</c>), digits with an optional <c>/d</c> fraction,
/// number words over one or more tokens (Dutch compounds are taken apart into lexicon parts), a fraction
/// (<c>een half</c>, <c>twee derde</c>, <c>half</c>), and a trailing "and a half".
/// </summary>
internal static class NumberParser
{
    private const int MaxWordLength = 48;

    public static bool TryParse(TokenizedText text, LanguageLexicon lexicon, int index, out NumberMatch match)
    {
        match = default;
        if (index >= text.Count)
        {
            return false;
        }

        if (lexicon.Quantities.TryMatch(text, index, out var quantityEnd, out var amount))
        {
            match = new NumberMatch(index, quantityEnd, amount, true, NumberForm.Quantity);
            return true;
        }

        var token = text.Tokens[index];
        if (token.Kind == TokenKind.Number)
        {
            if (double.IsNaN(token.Number))
            {
                return false;
            }

            if (IsMark(text, index + 1, '/') && index + 2 < text.Count && text.Tokens[index + 2] is { Kind: TokenKind.Number, Number: > 0 } denominator
                && !IsMark(text, index + 3, '/') && IsWhole(token.Number) && IsWhole(denominator.Number))
            {
                match = new NumberMatch(index, index + 3, token.Number / denominator.Number, false, NumberForm.Fraction);
                return true;
            }

            match = WithHalf(text, lexicon, new NumberMatch(index, index + 1, token.Number, false, NumberForm.Digits));
            return true;
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        // "een half", "a quarter": an article counts as one before a denominator.
        if (lexicon.Articles.Contains(token.Id) && TryFraction(text, lexicon, index + 1, out var denominatorValue))
        {
            match = new NumberMatch(index, index + 2, 1 / denominatorValue, false, NumberForm.Fraction);
            return true;
        }

        var builder = default(NumberBuilder);
        var end = index;
        var position = index;
        if (lexicon.Articles.Contains(token.Id) && index + 1 < text.Count && text.Tokens[index + 1].Kind == TokenKind.Word
            && lexicon.TryMorpheme(text.TextOf(index + 1), out var scale) && scale.Kind == MorphemeKind.Multiplier)
        {
            // "a hundred": the article counts as one before a multiplier.
            position = index + 1;
        }

        while (position < text.Count)
        {
            var next = builder;
            var candidate = position;
            if (builder.Any && IsJoiner(text, lexicon, candidate))
            {
                if (!next.Add(new NumberMorpheme(0, MorphemeKind.Joiner)))
                {
                    break;
                }

                candidate++;
            }

            if (candidate >= text.Count || text.Tokens[candidate].Kind != TokenKind.Word || !TryWord(text.TextOf(candidate), lexicon, ref next))
            {
                break;
            }

            builder = next;
            end = candidate + 1;
            position = end;
        }

        if (!builder.Any)
        {
            // "half" alone is a half; other denominators alone are ordinals ("de derde dag").
            if (TryFraction(text, lexicon, index, out var alone) && alone == 2)
            {
                match = new NumberMatch(index, index + 1, 0.5, false, NumberForm.Fraction);
                return true;
            }

            return false;
        }

        if (end == index + 1 && lexicon.Articles.Contains(token.Id) && !text.HasAccent(index))
        {
            // "een" is "a" unless written "één"; durations count the article themselves.
            return false;
        }

        if (!builder.IsFraction && builder.Value >= 1 && IsWhole(builder.Value) && TryFraction(text, lexicon, end, out var denominatorAfter))
        {
            match = new NumberMatch(index, end + 1, builder.Value / denominatorAfter, false, NumberForm.Fraction);
            return true;
        }

        match = WithHalf(text, lexicon, new NumberMatch(index, end, builder.Value, false, builder.IsFraction ? NumberForm.Fraction : NumberForm.Words));
        return true;
    }

    /// <summary>Extends a whole number with "en een half" / "and a half".</summary>
    private static NumberMatch WithHalf(TokenizedText text, LanguageLexicon lexicon, NumberMatch match)
    {
        var at = match.End;
        if (!IsWhole(match.Value) || !IsJoiner(text, lexicon, at))
        {
            return match;
        }

        at++;
        if (at < text.Count && lexicon.Articles.Contains(text.Tokens[at].Id))
        {
            at++;
        }

        return TryFraction(text, lexicon, at, out var denominator) && denominator == 2
            ? match with { End = at + 1, Value = match.Value + 0.5 }
            : match;
    }

    private static bool TryFraction(TokenizedText text, LanguageLexicon lexicon, int index, out double denominator)
    {
        denominator = 0;
        if (index >= text.Count || text.Tokens[index].Kind != TokenKind.Word)
        {
            return false;
        }

        if (lexicon.TryMorpheme(text.TextOf(index), out var morpheme) && morpheme.Kind == MorphemeKind.Fraction)
        {
            denominator = morpheme.Value;
            return true;
        }

        return false;
    }

    private static bool IsJoiner(TokenizedText text, LanguageLexicon lexicon, int index) =>
        index < text.Count && text.Tokens[index].Id >= 0 && lexicon.NumberJoiners.Contains(text.Tokens[index].Id);

    /// <summary>Whether the token at <paramref name="index"/> is the punctuation mark <paramref name="mark"/>, such as the "/" of "7/10".</summary>
    internal static bool IsMark(TokenizedText text, int index, char mark) =>
        index < text.Count && text.Tokens[index].Kind == TokenKind.Punctuation && text.TextOf(index)[0] == mark;

    private static bool IsWhole(double value) => value == Math.Floor(value);

    /// <summary>Reads one word as number parts, trying longer parts first and backing off when the rest does not fit.</summary>
    private static bool TryWord(ReadOnlySpan<char> word, LanguageLexicon lexicon, ref NumberBuilder builder)
    {
        if (word.Length > MaxWordLength)
        {
            return false;
        }

        if (lexicon.TryMorpheme(word, out var whole))
        {
            // A whole word that is a joiner or a bare denominator is not a number by itself.
            if (whole.Kind is MorphemeKind.Joiner || (whole.Kind is MorphemeKind.Fraction && !builder.Any))
            {
                return false;
            }

            var next = builder;
            if (next.Add(whole))
            {
                builder = next;
                return true;
            }
        }

        return TrySplit(word, lexicon, ref builder);
    }

    private static bool TrySplit(ReadOnlySpan<char> rest, LanguageLexicon lexicon, ref NumberBuilder builder)
    {
        if (rest.IsEmpty)
        {
            return builder.Any && !builder.JoinerPending;
        }

        for (var length = Math.Min(rest.Length, lexicon.MaxMorphemeLength); length >= 2; length--)
        {
            if (!lexicon.TryMorpheme(rest[..length], out var part))
            {
                continue;
            }

            var next = builder;
            if (next.Add(part) && TrySplit(rest[length..], lexicon, ref next))
            {
                builder = next;
                return true;
            }
        }

        return false;
    }
}

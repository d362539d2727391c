using System.Globalization;

namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Splits normalised text into words (letters, with apostrophes inside or before a word: <c>m'n</c>, <c>don't</c>, <c>'s</c>),
/// digit groups (with inner <c>.</c> and <c>,</c>: <c>1.234,5</c>) and single punctuation marks. Linear in the input.
/// </summary>
internal static class Tokenizer
{
    private const string BreakCharacters = ",.;:!?()[]{}\n\"";

    /// <summary>
    /// Tokenises <paramref name="text"/>; <paramref name="vocabulary"/> gives ids, the separators parse digit groups, and
    /// <paramref name="aliases"/> are the words' aliases (<see cref="TokenizedText.Aliases"/>), if any.
    /// </summary>
    public static TokenizedText Tokenize(string text, Vocabulary vocabulary, char decimalSeparator, char groupSeparator, IReadOnlyDictionary<int, int>? aliases = null)
    {
        var normalized = TextNormalizer.Normalize(text);
        var chars = normalized.Chars;
        var length = normalized.Length;
        var tokens = new Token[Math.Max(4, length / 3)];
        var count = 0;
        var i = 0;
        while (i < length)
        {
            var c = chars[i];
            if (c == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c) || (c == '\'' && i + 1 < length && char.IsLetter(chars[i + 1]) && (i == 0 || !char.IsLetterOrDigit(chars[i - 1]))))
            {
                i++;
                while (i < length && (char.IsLetter(chars[i]) || (chars[i] == '\'' && i + 1 < length && char.IsLetter(chars[i + 1]))))
                {
                    i++;
                }

                var word = normalized.Slice(start, i - start);
                var id = vocabulary.Find(word);
                if (id < 0 && vocabulary.TrySplit(word, out var firstLength, out var firstId, out var secondId))
                {
                    // "Back's": "back" and "is"; "kwil": "ik" and "wil".
                    Add(ref tokens, ref count, new Token(TokenKind.Word, start, firstLength, firstId, double.NaN, false));
                    Add(ref tokens, ref count, new Token(TokenKind.Word, start + firstLength, i - start - firstLength, secondId, double.NaN, false));
                }
                else
                {
                    Add(ref tokens, ref count, new Token(TokenKind.Word, start, i - start, id, double.NaN, false));
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                i++;
                while (i < length && (char.IsAsciiDigit(chars[i]) || (chars[i] is '.' or ',' && i + 1 < length && char.IsAsciiDigit(chars[i + 1]))))
                {
                    i++;
                }

                var value = ParseDigits(normalized.Slice(start, i - start), decimalSeparator, groupSeparator);
                Add(ref tokens, ref count, new Token(TokenKind.Number, start, i - start, -1, value, false));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(chars[i + 1]))
            {
                // An emoji the normaliser kept (a thumb up): one mark.
                i += 2;
                Add(ref tokens, ref count, new Token(TokenKind.Punctuation, start, 2, vocabulary.Find(normalized.Slice(start, 2)), double.NaN, false));
            }
            else
            {
                i++;
                var isBreak = BreakCharacters.Contains(c, StringComparison.Ordinal);
                Add(ref tokens, ref count, new Token(TokenKind.Punctuation, start, 1, vocabulary.Find(normalized.Slice(start, 1)), double.NaN, isBreak));
            }
        }

        if (vocabulary.HasDecimalWords)
        {
            count = JoinDecimals(normalized, tokens, count, vocabulary);
        }

        return new TokenizedText(normalized, tokens, count) { Aliases = aliases, DigitWords = vocabulary.HasDigitWords ? DigitWords(normalized, tokens, count, vocabulary) : null, Inverted = vocabulary.Inverted };
    }

    // "38 komma 5": a whole number, a decimal sign said as a word and digits, with only spaces between, are one number.
    private static int JoinDecimals(NormalizedText normalized, Token[] tokens, int count, Vocabulary vocabulary)
    {
        var kept = 0;
        for (var k = 0; k < count; k++)
        {
            var token = tokens[k];
            if (k + 2 < count && token.Kind == TokenKind.Number && tokens[k + 1].Kind == TokenKind.Word && vocabulary.IsDecimalWord(tokens[k + 1].Id)
                && tokens[k + 2].Kind == TokenKind.Number && AllDigits(normalized.Slice(token.Start, token.Length))
                && AllDigits(normalized.Slice(tokens[k + 2].Start, tokens[k + 2].Length))
                && !(k + 3 < count && tokens[k + 3].Kind == TokenKind.Number && tokens[k + 3].Start == tokens[k + 2].Start + tokens[k + 2].Length))
            {
                var fraction = tokens[k + 2];
                var end = fraction.Start + fraction.Length;
                var value = Parse($"{normalized.Slice(token.Start, token.Length)}.{normalized.Slice(fraction.Start, fraction.Length)}");
                tokens[kept++] = token with { Length = end - token.Start, Number = value };
                k += 2;
            }
            else
            {
                tokens[kept++] = token;
            }
        }

        return kept;
    }

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    // Digits standing alone between two words, with a space either side, that the vocabulary reads as a word.
    private static Dictionary<int, int>? DigitWords(NormalizedText normalized, Token[] tokens, int count, Vocabulary vocabulary)
    {
        Dictionary<int, int>? words = null;
        for (var k = 1; k + 1 < count; k++)
        {
            var (before, token, after) = (tokens[k - 1], tokens[k], tokens[k + 1]);
            if (token.Kind == TokenKind.Number && before.Kind == TokenKind.Word && after.Kind == TokenKind.Word
                && before.Start + before.Length < token.Start && token.Start + token.Length < after.Start
                && vocabulary.FindDigitWord(normalized.Slice(token.Start, token.Length)) is >= 0 and var id)
            {
                (words ??= [])[k] = id;
            }
        }

        return words;
    }

    /// <summary>
    /// Reads digits with the language's separators. A lone group separator followed by other than three digits is read
    /// as a decimal point, because people mix conventions (<c>1.5 week</c> in Dutch).
    /// </summary>
    internal static double ParseDigits(ReadOnlySpan<char> digits, char decimalSeparator, char groupSeparator)
    {
        if (digits.Length > 30 || digits.Count(decimalSeparator) > 1)
        {
            return double.NaN;
        }

        var decimalAt = digits.IndexOf(decimalSeparator);
        var whole = decimalAt < 0 ? digits : digits[..decimalAt];
        var fraction = decimalAt < 0 ? [] : digits[(decimalAt + 1)..];
        if (fraction.Contains(groupSeparator))
        {
            return double.NaN;
        }

        Span<char> buffer = stackalloc char[digits.Length];
        var n = 0;
        var groups = whole.Count(groupSeparator);
        if (groups > 0)
        {
            var valid = true;
            var segment = 0;
            foreach (var range in whole.Split(groupSeparator))
            {
                var length = range.End.Value - range.Start.Value;
                valid &= segment == 0 ? length is >= 1 and <= 3 : length == 3;
                segment++;
            }

            if (!valid)
            {
                if (decimalAt >= 0 || groups > 1)
                {
                    return double.NaN;
                }

                // One separator that cannot group thousands is a decimal point written the other way.
                whole.CopyTo(buffer);
                buffer[whole.IndexOf(groupSeparator)] = '.';
                n = whole.Length;
                return Parse(buffer[..n]);
            }
        }

        foreach (var c in whole)
        {
            if (c != groupSeparator)
            {
                buffer[n++] = c;
            }
        }

        if (decimalAt >= 0)
        {
            buffer[n++] = '.';
            fraction.CopyTo(buffer[n..]);
            n += fraction.Length;
        }

        return Parse(buffer[..n]);
    }

    private static double Parse(ReadOnlySpan<char> invariant) =>
        double.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;

    private static void Add(ref Token[] tokens, ref int count, Token token)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = token;
    }
}

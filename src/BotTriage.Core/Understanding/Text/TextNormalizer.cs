using System.Globalization;
using System.Text;

namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Folds text for matching: lower case, diacritics removed (<c>tweeëntwintig</c> and <c>één</c> match
/// <c>tweeentwintig</c> and <c>een</c>, composed or not), typographic quotes and dashes unified, control characters
/// and emoji turned into spaces (but the few that answer, <see cref="IsAnswerEmoji"/>, which stay as a mark of their
/// own, and skin tones, which are dropped), zero-width and bidirectional marks dropped. One pass, no regular expressions.
/// </summary>
internal static class TextNormalizer
{
    private const int TableSize = 0x300;
    private const char Drop = '\0';
    private const int SkinToneFirst = 0x1F3FB;
    private const int SkinToneLast = 0x1F3FF;

    // Latin-1 and Latin Extended are folded through a table built once, because Normalize(FormD) per character is slow.
    private static readonly char[] Table = BuildTable();

    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var capacity = text.Length + 8;
        var chars = new char[capacity];
        var starts = new int[capacity];
        var ends = new int[capacity];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var width = 1;
            char folded;
            if (c < TableSize)
            {
                if (c is '\u0132' or '\u0133')
                {
                    // The Dutch ij ligature folds to two letters.
                    Append(ref chars, ref starts, ref ends, ref n, 'i', i, i + 1);
                    Append(ref chars, ref starts, ref ends, ref n, 'j', i, i + 1);
                    continue;
                }

                folded = Table[c];
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsAnswerEmoji(codePoint))
                {
                    // A thumb up or down or a shrug is an answer (words.yaml gives it the word it stands for): it stays,
                    // as one mark of two chars.
                    Append(ref chars, ref starts, ref ends, ref n, c, i, i + 2);
                    Append(ref chars, ref starts, ref ends, ref n, text[i + 1], i, i + 2);
                    i++;
                    continue;
                }

                if (codePoint is >= SkinToneFirst and <= SkinToneLast)
                {
                    // A skin tone belongs to the emoji before it.
                    i++;
                    continue;
                }

                // Other emoji and astral characters separate words and are never part of one.
                folded = ' ';
                width = 2;
            }
            else
            {
                folded = FoldOther(c);
            }

            if (folded == Drop)
            {
                if (n > 0 && IsCombiningMark(c))
                {
                    ends[n - 1] = i + 1;
                }

                continue;
            }

            Append(ref chars, ref starts, ref ends, ref n, folded, i, i + width);
            i += width - 1;
        }

        return new NormalizedText(text, chars, n, starts, ends);
    }

    private static void Append(ref char[] chars, ref int[] starts, ref int[] ends, ref int n, char c, int start, int end)
    {
        if (n == chars.Length)
        {
            Array.Resize(ref chars, chars.Length * 2);
            Array.Resize(ref starts, chars.Length);
            Array.Resize(ref ends, chars.Length);
        }

        chars[n] = c;
        starts[n] = start;
        ends[n] = end;
        n++;
    }

    /// <summary>👍, 👎, 👌 and 🤷: emoji that people send as a yes, a no or a don't-know.</summary>
    internal static bool IsAnswerEmoji(int codePoint) => codePoint is 0x1F44D or 0x1F44E or 0x1F44C or 0x1F937;

    private static bool IsCombiningMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static char FoldOther(char c)
    {
        switch (c)
        {
            case '\u2018' or '\u2019' or '\u201B' or '\u2032' or '\uFF07':
                return '\'';
            case >= '\u2010' and <= '\u2015' or '\u2212' or '\uFE63' or '\uFF0D':
                return '-';
            case '\u2044' or '\u2215' or '\uFF0F':
                return '/';
            case '\u2028' or '\u2029':
                return '\n';
            default:
                break;
        }

        if (char.IsSurrogate(c))
        {
            return ' ';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark => Drop,
            UnicodeCategory.Format => Drop,
            UnicodeCategory.Control or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => ' ',
            _ => char.ToLowerInvariant(c),
        };
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            if (c is '\n' or '\r')
            {
                table[i] = '\n';
            }
            else if (c is '`' or '\u00B4' or '\u02BC' or '\u02B9')
            {
                table[i] = '\'';
            }
            else if (c == '\u00AD')
            {
                // A soft hyphen is invisible; it must not split a word.
                table[i] = Drop;
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                table[i] = ' ';
            }
            else if (i >= 0x300)
            {
                table[i] = Drop;
            }
            else
            {
                var lower = char.ToLowerInvariant(c);
                var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
                table[i] = decomposed.Length > 0 && char.IsLetter(decomposed[0]) ? decomposed[0] : lower;
            }
        }

        return table;
    }
}

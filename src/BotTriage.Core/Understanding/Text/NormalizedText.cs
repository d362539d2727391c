namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Case-folded text without diacritics, with for every folded character the span of original characters it came from,
/// so matches on the folded text report positions in what the person wrote.
/// </summary>
internal sealed class NormalizedText
{
    public NormalizedText(string original, char[] chars, int length, int[] originalStart, int[] originalEnd)
    {
        Original = original;
        Chars = chars;
        Length = length;
        OriginalStart = originalStart;
        OriginalEnd = originalEnd;
    }

    public string Original { get; }

    public char[] Chars { get; }

    public int Length { get; }

    /// <summary>Index in <see cref="Original"/> of the first character behind each folded character.</summary>
    public int[] OriginalStart { get; }

    /// <summary>Exclusive end in <see cref="Original"/> of the characters behind each folded character.</summary>
    public int[] OriginalEnd { get; }

    public ReadOnlySpan<char> Slice(int start, int length) => Chars.AsSpan(start, length);
}

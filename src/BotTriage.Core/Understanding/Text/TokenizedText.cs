namespace BotTriage.Core.Understanding.Text;

/// <summary>An utterance as tokens over its normalised text, with the way back to original positions.</summary>
internal sealed class TokenizedText
{
    public TokenizedText(NormalizedText normalized, Token[] tokens, int count)
    {
        Normalized = normalized;
        Tokens = tokens;
        Count = count;
    }

    public NormalizedText Normalized { get; }

    public Token[] Tokens { get; }

    public int Count { get; }

    /// <summary>
    /// Whether the message is told on behalf of someone else, whose complaint the conversation is about ("mijn moeder
    /// heeft rugpijn"): then what it tells of another person is that person's, the subject's, and is kept.
    /// </summary>
    public bool OnBehalf { get; init; }

    /// <summary>
    /// Words a phrase may also read as another word (a word id -> the id it stands for; red-flags.yaml
    /// <c>someoneElse.theirs</c>): "zijn" and "his" stand for "mijn" and "my" in a message told on someone's behalf, and
    /// in an emergency's phrase always.
    /// </summary>
    public IReadOnlyDictionary<int, int>? Aliases { get; init; }

    /// <summary>
    /// Numbers in digits that a phrase also reads as a word (a token index -> the word's id; words.yaml
    /// <c>digitWords</c>): the "2" of "i want 2 die", between two words, is "to" to a phrase. Null when there are none.
    /// </summary>
    public IReadOnlyDictionary<int, int>? DigitWords { get; init; }

    /// <summary>
    /// Subjects a phrase may skip right after its first word (words.yaml <c>inverted</c>): "kan ik niet goed lopen"
    /// matches "kan niet goed lopen". Null when the language has none.
    /// </summary>
    public IReadOnlySet<int>? Inverted { get; init; }

    /// <summary>The same tokens, told on behalf of someone else (<see cref="OnBehalf"/>) or not.</summary>
    public TokenizedText Told(bool onBehalf) =>
        onBehalf == OnBehalf ? this : new(Normalized, Tokens, Count) { OnBehalf = onBehalf, Aliases = Aliases, DigitWords = DigitWords, Inverted = Inverted };

    public ReadOnlySpan<char> TextOf(int token)
    {
        var t = Tokens[token];
        return Normalized.Slice(t.Start, t.Length);
    }

    public int IdAt(int token) => token >= 0 && token < Count ? Tokens[token].Id : -1;

    public bool IsBreakAt(int token) => token < 0 || token >= Count || Tokens[token].IsBreak;

    /// <summary>Whether token <paramref name="token"/> ends a sentence: a full stop, question or exclamation mark.</summary>
    public bool EndsASentence(int token) => Tokens[token].Kind == TokenKind.Punctuation && TextOf(token) is "." or "!" or "?";

    /// <summary>The sentence of the tokens from <paramref name="first"/> to <paramref name="last"/>: up to a sentence's end either side.</summary>
    public (int First, int Last) SentenceOf(int first, int last)
    {
        while (first > 0 && !EndsASentence(first - 1))
        {
            first--;
        }

        while (last + 1 < Count && !EndsASentence(last + 1))
        {
            last++;
        }

        return (first, last);
    }

    /// <summary>Whether token <paramref name="token"/> follows a word with nothing between: the "10" of "A10".</summary>
    public bool GluedToAWord(int token) => WrittenOnto(token) && Tokens[token - 1].Kind == TokenKind.Word;

    /// <summary>Whether token <paramref name="token"/> is written onto the one before, with nothing between: the "nd" of "2nd".</summary>
    public bool WrittenOnto(int token) =>
        token > 0 && token < Count && Tokens[token].Start == Tokens[token - 1].Start + Tokens[token - 1].Length;

    /// <summary>The index in the original text of the first character of token <paramref name="token"/>.</summary>
    public int OriginalStart(int token) => Normalized.OriginalStart[Tokens[token].Start];

    /// <summary>Builds a result over tokens [first, last] (inclusive) with original-text positions.</summary>
    public ModelResult Result(int first, int last, EntityResolution resolution)
    {
        var (start, end) = OriginalRange(first, last);
        return new ModelResult(start, end, Normalized.Original.Substring(start, end - start + 1), resolution);
    }

    /// <summary>The original text of tokens [first, last] (inclusive).</summary>
    public string Span(int first, int last)
    {
        var (start, end) = OriginalRange(first, last);
        return Normalized.Original.Substring(start, end - start + 1);
    }

    /// <summary>The original-text positions of tokens [first, last] (inclusive): the first character and the last.</summary>
    public (int Start, int End) OriginalRange(int first, int last)
    {
        var lastToken = Tokens[last];
        return (Normalized.OriginalStart[Tokens[first].Start], Normalized.OriginalEnd[lastToken.Start + lastToken.Length - 1] - 1);
    }

    /// <summary>True when the original characters of the tokens contain anything beyond ASCII (<c>één</c> rather than <c>een</c>).</summary>
    public bool HasAccent(int token)
    {
        var t = Tokens[token];
        var start = Normalized.OriginalStart[t.Start];
        var end = Normalized.OriginalEnd[t.Start + t.Length - 1];
        var original = Normalized.Original;
        for (var i = start; i < end; i++)
        {
            if (original[i] > '\u007F')
            {
                return true;
            }
        }

        return false;
    }
}

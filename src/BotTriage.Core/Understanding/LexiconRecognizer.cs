using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// What every single-type recognizer shares: it reads one language's lexicon, tokenises the text once and scans
/// the tokens. <see cref="UtteranceRecognizer"/> runs all the scans over one tokenisation instead.
/// </summary>
public abstract class LexiconRecognizer
{
    private protected LexiconRecognizer(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        Lexicons = lexicons;
    }

    private protected LexiconSet Lexicons { get; }

    /// <summary>Every entity of this recognizer's type in <paramref name="text"/>, for culture <c>nl</c> or <c>en</c>.</summary>
    public IReadOnlyList<ModelResult> Recognize(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        var results = new List<ModelResult>();
        Find(lexicon.Tokenize(text), lexicon, results);
        return results;
    }

    private protected abstract void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results);
}

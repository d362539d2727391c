using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Numbers;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>Finds numbers (<see cref="NumberResolution"/>) in Dutch or English text. Thread-safe.</summary>
public sealed class NumberRecognizer
{
    private readonly LexiconSet _lexicons;

    public NumberRecognizer(LexiconSet lexicons)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _lexicons = lexicons;
    }

    public IReadOnlyList<ModelResult> Recognize(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = _lexicons.Get(culture);
        var results = new List<ModelResult>();
        Scan(lexicon.Tokenize(text), lexicon, results);
        return results;
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            if (NumberParser.TryParse(text, lexicon, i, out var match))
            {
                results.Add(text.Result(match.First, match.End - 1, new NumberResolution(match.Value, match.Approximate)));
                i = match.End;
            }
            else
            {
                i++;
            }
        }
    }
}

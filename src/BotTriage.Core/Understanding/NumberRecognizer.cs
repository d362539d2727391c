using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Numbers;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>Finds numbers (<see cref="NumberResolution"/>) in Dutch or English text. Thread-safe.</summary>
public sealed class NumberRecognizer : LexiconRecognizer
{
    public NumberRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, results);

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

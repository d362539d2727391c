using BotTriage.Core.Triage;
using BotTriage.Core.Understanding.Lexicons;
using BotTriage.Core.Understanding.Text;

namespace BotTriage.Core.Understanding;

/// <summary>
/// Finds yes, no and don't-know answers (<see cref="BooleanResolution"/>), longest phrase first so <c>klopt niet</c>
/// is a no and <c>niet echt</c> a hedged no; the lexicon's clause-final answers only where their clause ends. A yes
/// followed by someone else ("ja, mijn moeder") is theirs and no answer (see <see cref="SomeoneElse"/>). Thread-safe.
/// </summary>
public sealed class BooleanRecognizer : LexiconRecognizer
{
    public BooleanRecognizer(LexiconSet lexicons)
        : base(lexicons)
    {
    }

    private protected override void Find(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results) =>
        Scan(text, lexicon, results);

    /// <summary>
    /// The words in <paramref name="text"/> that answer the question <paramref name="questionId"/> alone, while it is
    /// asked (yes-no.yaml <c>questions</c>): "vooral 's nachts" is a yes to whether the pain is worse at night, "alleen
    /// 's ochtends" a no. A yes word that is denied is a no ("'s nachts niet", "niet 's nachts"); a denied no word says
    /// nothing, since "'s ochtends niet" does not say "at night"; the question's <c>neither</c> words say nothing either
    /// ("niet erger" to whether it has not improved, or even got worse). Empty for a question without such words.
    /// </summary>
    public IReadOnlyList<ModelResult> RecognizeAnswerTo(string questionId, string text, string culture)
    {
        List<ModelResult>? results = null;
        foreach (var (tokens, lexicon, start, end, value) in QuestionWords(questionId, text, culture))
        {
            var says = value switch
            {
                YesNo.Yes => NegationScope.IsNegated(tokens, lexicon, start, end) ? YesNo.No : YesNo.Yes,
                YesNo.No when !NegationScope.IsNegated(tokens, lexicon, start, end) => YesNo.No,
                _ => (YesNo?)null,
            };
            if (says is { } answer)
            {
                (results ??= []).Add(tokens.Result(start, end - 1, new BooleanResolution(answer, Hedged: false)));
            }
        }

        return results ?? (IReadOnlyList<ModelResult>)[];
    }

    /// <summary>
    /// When <paramref name="text"/> opens as a question about the question asked (yes-no.yaml <c>askingBack</c>, after
    /// any of its <c>askingOpeners</c>: "wat bedoel je met veel?", "sorry, what counts as a lot?", "does aspirin
    /// count?"), where the clause of that question ends in the text: what follows it is told, what is inside it only
    /// asked about. Null for a message that is no question back. Such a message answers nothing of the question asked,
    /// whatever answer words are in it.
    /// </summary>
    public int? FindQuestionBack(string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        if (lexicon.AskingBack.Count == 0 || !OpensWithAnAskingWord(text, lexicon))
        {
            return null;
        }

        var tokens = lexicon.Tokenize(text);
        var i = 0;
        while (i < tokens.Count)
        {
            if (tokens.IsBreakAt(i))
            {
                i++;
            }
            else if (lexicon.AskingBack.TryMatch(tokens, i, out var asked, out _))
            {
                while (asked < tokens.Count && !NegationScope.EndsClause(tokens, lexicon, asked))
                {
                    asked++;
                }

                return asked < tokens.Count ? tokens.OriginalStart(asked) : text.Length;
            }
            else if (lexicon.AskingOpeners.TryMatch(tokens, i, out var end, out _))
            {
                i = end;
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    // Whether the first word of the text, in lower case, is the first of an asking phrase or opener: most messages are
    // not, and are not tokenized again.
    private static bool OpensWithAnAskingWord(string text, LanguageLexicon lexicon)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
        {
            end++;
        }

        if (end == start || end - start > 32)
        {
            return false;
        }

        Span<char> word = stackalloc char[end - start];
        text.AsSpan(start, end - start).ToLowerInvariant(word);
        return lexicon.AskingFirstWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>
    /// The question's <c>neither</c> words in <paramref name="text"/> (yes-no.yaml <c>questions</c>), as spans of the
    /// text: a yes or no inside one is no answer to that question ("graag" or "ja hoi" to the emergency screen).
    /// </summary>
    public IReadOnlyList<(int Start, int End)> FindNeither(string questionId, string text, string culture)
    {
        List<(int, int)>? spans = null;
        foreach (var (tokens, _, start, end, value) in QuestionWords(questionId, text, culture))
        {
            if (value == YesNo.Unknown)
            {
                var words = tokens.Result(start, end - 1, new BooleanResolution(value, Hedged: false));
                (spans ??= []).Add((words.Start, words.End));
            }
        }

        return spans ?? (IReadOnlyList<(int, int)>)[];
    }

    // The question's own words in text, longest first, each with what the lexicon says it means (neither: Unknown).
    private IEnumerable<(TokenizedText Tokens, LanguageLexicon Lexicon, int Start, int End, YesNo Value)> QuestionWords(string questionId, string text, string culture)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        ArgumentNullException.ThrowIfNull(text);
        var lexicon = Lexicons.Get(culture);
        if (!lexicon.QuestionAnswers.TryGetValue(questionId, out var answers))
        {
            yield break;
        }

        var tokens = lexicon.Tokenize(text);
        var i = 0;
        while (i < tokens.Count)
        {
            if (answers.TryMatch(tokens, i, out var end, out var value))
            {
                yield return (tokens, lexicon, i, end, value);
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    internal static void Scan(TokenizedText text, LanguageLexicon lexicon, List<ModelResult> results)
    {
        var i = 0;
        while (i < text.Count)
        {
            // The words of a symptom are no answer: "no strength in my leg" and "my leg has no strength" tell the
            // weakness, and their "no" is part of it.
            if (lexicon.RedFlags.TryMatch(text, i, out var flagEnd, out _))
            {
                i = flagEnd;
                continue;
            }

            // "I have." answers; "I have a fever" is about something else, so its "I have" is not a yes, nor is the
            // "ja" of "o ja, wat ik nog vergat".
            if (!lexicon.Answers.TryMatch(text, i, out var end, out var answer))
            {
                i++;
                continue;
            }

            if (lexicon.ClauseFinalAnswers.TryMatch(text, i, out var finalEnd, out _) && finalEnd == end && !text.IsBreakAt(end))
            {
                i = end;
                continue;
            }

            if (!DescribesAMention(text, lexicon, end, answer)
                && !(answer is BooleanResolution { Value: Triage.YesNo.Yes } && SomeoneElse.Follows(text, lexicon, end)))
            {
                results.Add(text.Result(i, end - 1, answer));
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    // "Ik heb soms tintelingen in mijn been": a softened yes followed in its clause by a symptom says how often that
    // symptom comes, not yes to the question asked; the symptom itself is what the message tells.
    private static bool DescribesAMention(TokenizedText text, LanguageLexicon lexicon, int from, EntityResolution answer)
    {
        if (answer is not BooleanResolution { Value: Triage.YesNo.Yes, Hedged: true })
        {
            return false;
        }

        for (var j = from; !text.IsBreakAt(j); j++)
        {
            if (lexicon.RedFlags.TryMatch(text, j, out _, out var code) && code.Length > 0)
            {
                return true;
            }
        }

        return false;
    }
}

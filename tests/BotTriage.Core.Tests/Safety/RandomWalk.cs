using System.Globalization;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Safety;

/// <summary>
/// A conversation generated from a seed: at each step one of the offered choices, a yes/no, a number 0-10, a body
/// location, a duration, "don't know", a red flag in passing, or gibberish, until the triage has a result or the
/// turns run out. The same seed always gives the same script, so a failure can be replayed from its seed.
/// </summary>
internal sealed class RandomWalk
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private readonly List<string> _turns = [];
    private readonly List<TurnResult> _results = [];

    private RandomWalk(int seed, string culture)
    {
        Seed = seed;
        Culture = culture;
    }

    public int Seed { get; }

    public string Culture { get; }

    public IReadOnlyList<string> Turns => _turns;

    /// <summary>What each turn gave, the start first.</summary>
    public IReadOnlyList<TurnResult> Results => _results;

    public TurnResult Last => _results[^1];

    /// <summary>Walks up to <paramref name="maxTurns"/> turns, stopping at a result when <paramref name="stopAtOutcome"/>.</summary>
    public static RandomWalk Run(TriageEngine engine, int seed, int maxTurns, bool stopAtOutcome = true, string? culture = null)
    {
        var random = new Random(seed);
        var walk = new RandomWalk(seed, culture ?? (random.Next(2) == 0 ? Cultures.Dutch : Cultures.English));
        walk._results.Add(engine.Start(walk.Culture));
        while (walk._turns.Count < maxTurns && !(stopAtOutcome && walk.Last.State.Outcome is not null))
        {
            walk.Send(engine, Answer(random, walk.Culture, walk.Last));
        }

        return walk;
    }

    /// <summary>Replays a script on an engine from the start: the turns' results, the start first.</summary>
    public static IReadOnlyList<TurnResult> Replay(TriageEngine engine, string culture, IEnumerable<string> turns)
    {
        var results = new List<TurnResult> { engine.Start(culture) };
        foreach (var turn in turns)
        {
            results.Add(engine.Step(results[^1].State, turn, Today));
        }

        return results;
    }

    public TurnResult Send(TriageEngine engine, string text)
    {
        var result = engine.Step(Last.State, text, Today);
        _turns.Add(text);
        _results.Add(result);
        return result;
    }

    /// <summary>The seed and the script, to reproduce a failure.</summary>
    public string Describe() =>
        $"seed {Seed}, culture {Culture}, script:{Environment.NewLine}" + string.Join(Environment.NewLine, _turns.Select((t, i) => $"  {i + 1}. {t}"));

    private static string Answer(Random random, string culture, TurnResult last)
    {
        var words = SafetyLexicon.Default[culture];
        var choices = last.Replies.SelectMany(r => r.Choices).ToList();
        // Offered choices half of the time, so that most walks get through the flow to a result.
        if (choices.Count > 0 && random.Next(2) == 0)
        {
            return choices[random.Next(choices.Count)].Label;
        }

        return random.Next(8) switch
        {
            0 => words.Answers[random.Next(words.Answers.Count)],
            1 => random.Next(11).ToString(CultureInfo.InvariantCulture),
            2 => words.Locations[random.Next(words.Locations.Count)],
            3 => $"{random.Next(2, 15).ToString(CultureInfo.InvariantCulture)} {words.DurationUnits[random.Next(words.DurationUnits.Count)]}",
            4 => culture == Cultures.Dutch ? "weet ik niet" : "don't know",
            5 => words.RedFlags[random.Next(words.RedFlags.Count)],
            6 => Gibberish(random),
            _ => choices.Count > 0 ? choices[random.Next(choices.Count)].Label : words.Answers[random.Next(words.Answers.Count)],
        };
    }

    private static string Gibberish(Random random)
    {
        const string Letters = "bcdfghjklmnpqrstvwxzaeiou";
        var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => Letters[random.Next(Letters.Length)])]));
        return string.Join(' ', words);
    }
}

using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Tests.Triage;
using BotTriage.Core.Triage;

namespace BotTriage.Core.Tests.Safety;

/// <summary>
/// Properties of the shipped triage that must hold for every conversation, checked over seeded random walks through
/// the engine's public API only, so they keep holding as the content grows. The walks are generated once and shared;
/// the engine is pure, so any state along a walk can be continued with another message. A failure names the seed
/// and the script.
/// </summary>
public sealed class SafetyPropertyTests
{
    private const int WalkCount = 600;
    private const int MaxTurns = 80;

    /// <summary>Walks whose every step also gets an emergency phrase; the others get one at a step their seed picks.</summary>
    private const int FullyInjectedWalks = 120;

    private static readonly string[] MedicalRoutes = ["gp", "emergency-112"];
    private static readonly Lazy<IReadOnlyList<RandomWalk>> SharedWalks =
        new(() => [.. Enumerable.Range(0, WalkCount).Select(seed => RandomWalk.Run(Engine, seed, MaxTurns))]);

    private static TriageEngine Engine => Conversation.Engine;

    private static IReadOnlyList<RandomWalk> Walks => SharedWalks.Value;

    [Fact]
    public void AnyRedFlagSendsToTheGpOr112AndNeverToMassageAlone()
    {
        var withRedFlags = 0;
        foreach (var walk in Walks)
        {
            foreach (var outcome in walk.Results.Select(r => r.State.Outcome).OfType<TriageOutcome>().Distinct())
            {
                if (outcome.RedFlags.IsEmpty)
                {
                    continue;
                }

                withRedFlags++;
                if (!outcome.Routes.Any(MedicalRoutes.Contains))
                {
                    Assert.Fail($"Red flags [{string.Join(", ", outcome.RedFlags)}] gave routes [{string.Join(", ", outcome.Routes)}] without gp or emergency-112; {walk.Describe()}");
                }
            }
        }

        // The property is only worth something when the walks reach results, and results with red flags.
        var completed = Walks.Count(w => w.Last.State.Outcome is { Completed: true });
        Assert.True(completed >= WalkCount / 10, $"Only {completed} of {WalkCount} walks reached a result.");
        Assert.True(withRedFlags >= WalkCount / 20, $"Only {withRedFlags} outcomes had red flags.");
    }

    [Fact]
    public void AnEmergencyPhraseAtAnyStepGetsTheEmergencyAdviceOnThatTurn()
    {
        // A phrase with "..." is tried as its words without the gap, which may be another phrase of the list too: once.
        var phrases = SafetyLexicon.Default.Emergencies.GroupBy(p => p.Culture).ToDictionary(g => g.Key, g => g.Distinct().ToList(), StringComparer.Ordinal);
        var used = new HashSet<EmergencyPhrase>();
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var w = 0; w < Walks.Count; w++)
        {
            var walk = Walks[w];
            var steps = w < FullyInjectedWalks
                ? Enumerable.Range(0, walk.Results.Count)
                : [new Random(walk.Seed).Next(walk.Results.Count)];
            foreach (var step in steps)
            {
                // The culture's phrases in turn, so every phrase is tried at many different steps.
                var list = phrases[walk.Culture];
                var index = next.GetValueOrDefault(walk.Culture);
                next[walk.Culture] = index + 1;
                var phrase = list[index % list.Count];
                used.Add(phrase);

                var turn = Engine.Step(walk.Results[step].State, phrase.Text, RandomWalk.Today);

                Check(phrase, turn, walk, step);
            }
        }

        Assert.Equal(phrases.Values.Sum(p => p.Count), used.Count);
        Assert.Contains(used, p => p.Suicidal);
    }

    [Fact]
    public void TheSameScriptAlwaysGivesTheSameConversationAndOutcome()
    {
        var other = new TriageEngine(DialogLoader.LoadDirectory(DialogPaths.Default));
        foreach (var walk in Walks.Take(FullyInjectedWalks))
        {
            var again = RandomWalk.Run(Engine, walk.Seed, MaxTurns);
            var elsewhere = RandomWalk.Replay(other, walk.Culture, walk.Turns);

            Assert.True(walk.Turns.SequenceEqual(again.Turns), $"The seed gave another script; {walk.Describe()}");
            for (var i = 0; i < walk.Results.Count; i++)
            {
                var first = Print(walk.Results[i]);
                if (first != Print(again.Results[i]) || first != Print(elsewhere[i]))
                {
                    Assert.Fail($"Turn {i} differed between runs of the same script; {walk.Describe()}");
                }
            }
        }
    }

    private static void Check(EmergencyPhrase phrase, TurnResult turn, RandomWalk walk, int step)
    {
        var said = string.Join(Environment.NewLine, turn.Replies.Select(r => r.Text));
        var fails = new List<string>();
        if (!said.Contains("112", StringComparison.Ordinal))
        {
            fails.Add("no 112 in the reply");
        }

        if (phrase.Suicidal && !said.Contains("113", StringComparison.Ordinal))
        {
            fails.Add("no 113 in the reply to a suicidal phrase");
        }

        if (turn.State.Outcome is not { Emergency: true })
        {
            fails.Add("the outcome does not say emergency");
        }

        if (fails.Count > 0)
        {
            Assert.Fail($"Emergency phrase '{phrase}' after turn {step} of the script below: {string.Join("; ", fails)}. Reply: {said}{Environment.NewLine}{walk.Describe()}");
        }
    }

    /// <summary>Everything a turn shows and decides: the replies with their choices, the step, and the outcome as contract JSON.</summary>
    private static string Print(TurnResult turn) =>
        string.Join('\n', turn.Replies.Select(r => $"{r.Text} [{string.Join("|", r.Choices.Select(c => c.Label))}]"))
        + $"\n{turn.State.Step}\n"
        + (turn.State.Outcome is { } outcome ? JsonSerializer.Serialize(outcome, TriageJsonContext.Default.TriageOutcome) : "");
}

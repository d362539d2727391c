using System.Diagnostics;
using System.Globalization;
using BotTriage.Bench;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

// Triage turns per second through TriageEngine on one thread: the conversations of bench/Shared/conversation.txt,
// which bench/Load walks over HTTP (greeting, emergency screen, consent, language, the neck, a duration under four
// weeks, pain and bother, "nee" to every red flag, no contraindications, PHQ-2/GAD-2 "helemaal niet", "nee" to the
// rest, the outcome), Dutch and English alternating. The greeting starts the conversation as the bot does
// (TriageEngine.Start); every other message is one TriageEngine.Step. Nothing but the engine: no JSON, no storage.
var dialogs = DialogLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "dialogs"));
var engine = new TriageEngine(dialogs);
var today = new DateOnly(2026, 11, 21);

// The conversations in the order the load test numbers them, as many as it takes for every combination to come round.
var script = ConversationScript.LoadShipped();
var conversations = new List<(string Culture, string[] Texts)>();
for (var n = 1; n <= 42; n++)
{
    var (language, texts) = script.For(n);
    conversations.Add((language.Culture, texts[1..]));
}

// Once, checked: every conversation must reach its result on its last message, as the load test requires.
foreach (var (culture, texts) in conversations)
{
    var state = engine.Start(culture).State;
    for (var i = 0; i < texts.Length; i++)
    {
        state = engine.Step(state, texts[i], today).State;
        if ((state.Outcome is not null) != (i == texts.Length - 1))
        {
            throw new InvalidOperationException($"The {culture} conversation reached step '{state.Step}' after message {i + 1} of {texts.Length} ('{texts[i]}').");
        }
    }

    if (state.Outcome is not { Completed: true })
    {
        throw new InvalidOperationException($"The {culture} conversation ended without a result.");
    }
}

var stopwatch = Stopwatch.StartNew();
var turns = 0L;
while (stopwatch.Elapsed < TimeSpan.FromSeconds(3))
{
    turns += RunAll();
}

const int Rounds = 200;
var best = 0.0;
var bestBytes = double.MaxValue;
for (var run = 0; run < 5; run++)
{
    var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
    stopwatch.Restart();
    var count = 0L;
    for (var round = 0; round < Rounds; round++)
    {
        count += RunAll();
    }

    var seconds = stopwatch.Elapsed.TotalSeconds;
    var bytesPerTurn = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / (double)count;
    var perSecond = count / seconds;
    best = Math.Max(best, perSecond);
    bestBytes = Math.Min(bestBytes, bytesPerTurn);
    turns += count;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {perSecond,10:N0} turns/s {bytesPerTurn,9:N0} bytes/turn"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: {best:N0} turns/s, {bestBytes:N0} bytes allocated per turn, on one thread ({conversations.Count} conversations of {conversations[0].Texts.Length + 1} turns, nl and en; {turns:N0} turns in all)"));

long RunAll()
{
    var count = 0L;
    foreach (var (culture, texts) in conversations)
    {
        var state = engine.Start(culture).State;
        count++;
        foreach (var text in texts)
        {
            state = engine.Step(state, text, today).State;
            count++;
        }
    }

    return count;
}


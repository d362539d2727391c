using System.Diagnostics;
using System.Globalization;
using BotTriage.Core.Understanding;

// Utterances per second for the full recognizer set on one thread, over typical triage messages in Dutch and English.
var recognizer = UtteranceRecognizer.Load(Path.Combine(AppContext.BaseDirectory, "dialogs", "lexicons"));
var today = new DateOnly(2025, 3, 15);
(string Text, string Culture)[] messages =
[
    ("al een week of drie last van mijn onderrug, geen koorts", "nl"),
    ("sinds de marathon van zondag zijn m'n kuiten beurs", "nl"),
    ("ja hoor", "nl"),
    ("een 7", "nl"),
    ("geen tintelingen maar wel krachtverlies in mijn been", "nl"),
    ("ik heb sinds anderhalve maand pijn in mijn linkerschouder en nek, vooral 's nachts erger", "nl"),
    ("nee, niet echt", "nl"),
    ("ruim een jaar, het wordt niet beter", "nl"),
    ("pijn op de borst", "nl"),
    ("ik zit de hele dag achter mijn bureau en heb veel stress op mijn werk", "nl"),
    ("since the marathon on Sunday my calves are killing me", "en"),
    ("for about 6 weeks my lower back hurts, no fever", "en"),
    ("pretty bad, like an 8", "en"),
    ("nope", "en"),
    ("on and off for years, both knees", "en"),
    ("I don't have chest pain but I get pins and needles in my right hand", "en"),
    ("yup", "en"),
    ("a fortnight or so", "en"),
];

var stopwatch = Stopwatch.StartNew();
var entities = 0L;
while (stopwatch.Elapsed < TimeSpan.FromSeconds(2))
{
    foreach (var (text, culture) in messages)
    {
        entities += recognizer.Recognize(text, culture, today).Count;
    }
}

const int Rounds = 20_000;
var best = 0.0;
for (var run = 0; run < 5; run++)
{
    stopwatch.Restart();
    for (var round = 0; round < Rounds; round++)
    {
        foreach (var (text, culture) in messages)
        {
            entities += recognizer.Recognize(text, culture, today).Count;
        }
    }

    var perSecond = Rounds * messages.Length / stopwatch.Elapsed.TotalSeconds;
    best = Math.Max(best, perSecond);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {run + 1}: {perSecond,12:N0} utterances/s"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best: {best:N0} utterances/s on one thread ({messages.Length} messages, nl and en; {entities} entities found)"));

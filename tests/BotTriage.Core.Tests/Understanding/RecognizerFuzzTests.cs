using System.Text;

namespace BotTriage.Core.Tests.Understanding;

public sealed class RecognizerFuzzTests
{
    private static readonly string[] Fragments =
    [
        "een week of drie", "geen koorts", "pijn op de borst", "tweeëntwintig", "1.234,5", "7/10", "sinds januari", "linkerknie",
        "kan niet meer plassen", "for about 6 weeks", "no fever or chills", "I want to kill myself", "twenty-one", "a week or two",
        "...", " ... ", "-", "/", "'", "’", ",", "\n", "een", "of", "and a half", "niet", "geen", "sinds", "since",
    ];

    private static readonly string[] Oddities =
    [
        "😀", "👍🏽", "🧑‍⚕️", "\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u0000", "\u0007", "\u001B[31m", "\r\n", "\t",
        "שלום", "مرحبا", "ܐ", "\u0308", "e\u0308", "\uD800", "\uDC00", "Ĳ", "ß", "İ", "ﬁ", "１２３", "٣", "\u00A0", "\u2028",
    ];

    [Fact]
    public void RandomUnicodeNeverThrowsAndResultsStayWithinTheText()
    {
        var random = new Random(20250315);
        var recognizer = SharedRecognizer.Instance;

        for (var round = 0; round < 2000; round++)
        {
            var text = RandomText(random, random.Next(0, 200));
            foreach (var culture in new[] { "nl", "en" })
            {
                AssertWithinBounds(text, recognizer.Recognize(text, culture, new DateOnly(2025, 3, 15)));
            }
        }
    }

    [Fact]
    public void AHundredThousandCharacterInputIsHandledWholly()
    {
        var random = new Random(7);
        var builder = new StringBuilder();
        while (builder.Length < 100_000)
        {
            builder.Append(RandomText(random, 40)).Append(' ');
        }

        var text = builder.ToString(0, 100_000);

        var nl = SharedRecognizer.Instance.Recognize(text, "nl", new DateOnly(2025, 3, 15));
        var en = SharedRecognizer.Instance.Recognize(text, "en-US", new DateOnly(2025, 3, 15));

        AssertWithinBounds(text, nl);
        AssertWithinBounds(text, en);
        Assert.NotEmpty(nl);
    }

    [Fact]
    public void LongRunsOfOneCharacterAreHandled()
    {
        foreach (var text in new[] { new string('a', 100_000), new string('1', 100_000), new string('-', 100_000), string.Concat(Enumerable.Repeat("een ", 25_000)), string.Concat(Enumerable.Repeat("😀", 50_000)), string.Concat(Enumerable.Repeat("kan ", 25_000)) })
        {
            AssertWithinBounds(text, SharedRecognizer.Instance.Recognize(text, "nl", new DateOnly(2025, 3, 15)));
        }
    }

    private static string RandomText(Random random, int parts)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            switch (random.Next(4))
            {
                case 0:
                    builder.Append(Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    builder.Append(Oddities[random.Next(Oddities.Length)]);
                    break;
                case 2:
                    builder.Append((char)random.Next(0, 0x10000));
                    break;
                default:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString();
    }

    private static void AssertWithinBounds(string text, IReadOnlyList<BotTriage.Core.Understanding.ModelResult> results)
    {
        var previousStart = 0;
        foreach (var result in results)
        {
            Assert.InRange(result.Start, 0, text.Length - 1);
            Assert.InRange(result.End, result.Start, text.Length - 1);
            Assert.Equal(text.Substring(result.Start, result.End - result.Start + 1), result.Text);
            Assert.True(result.Start >= previousStart, "results are ordered by start");
            previousStart = result.Start;
        }
    }
}

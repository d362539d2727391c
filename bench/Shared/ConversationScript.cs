using System.Text;

namespace BotTriage.Bench;

/// <summary>
/// The benchmarks' conversation, read from <c>conversation.txt</c> (the format is described at its top): per
/// language, what the visitor says at each turn and a piece of text the bot's reply must contain. bench/Load's
/// triage.lua reads the same file the same way, so every benchmark walks the same conversations.
/// </summary>
internal sealed class ConversationScript
{
    private ConversationScript(IReadOnlyList<Language> languages) => Languages = languages;

    public IReadOnlyList<Language> Languages { get; }

    /// <summary>conversation.txt next to the benchmark's program.</summary>
    public static ConversationScript LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "conversation.txt"));

    public static ConversationScript Load(string path)
    {
        var languages = new List<Language>();
        string? locale = null;
        var turns = new List<Turn>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("locale ", StringComparison.Ordinal))
            {
                Close();
                locale = line["locale ".Length..].Trim();
                continue;
            }

            if (locale is null)
            {
                throw new FormatException($"{path}: a turn before the first \"locale\" line: {line}");
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var says = (tab < 0 ? line : line[..tab]).Split(" | ", StringSplitOptions.TrimEntries);
            var expect = tab < 0 ? null : line[(tab + 1)..];
            turns.Add(new Turn(says, string.IsNullOrEmpty(expect) ? null : Encoding.UTF8.GetBytes(expect)));
        }

        Close();
        return languages.Count > 0 ? new ConversationScript(languages) : throw new FormatException($"{path} has no conversation.");

        void Close()
        {
            if (locale is not null && turns.Count > 0)
            {
                languages.Add(new Language(locale, [.. turns]));
            }

            turns.Clear();
        }
    }

    /// <summary>
    /// Conversation <paramref name="number"/>: the languages take turns, and within a language the lines with
    /// alternatives count through their combinations like the digits of a number.
    /// </summary>
    public (Language Language, string[] Texts) For(long number)
    {
        var language = Languages[(int)(number % Languages.Count)];
        var rest = number / Languages.Count;
        var texts = new string[language.Turns.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var says = language.Turns[i].Says;
            texts[i] = says[(int)(rest % says.Length)];
            rest /= says.Length;
        }

        return (language, texts);
    }

    internal sealed record Turn(string[] Says, byte[]? Expect);

    internal sealed record Language(string Locale, Turn[] Turns)
    {
        /// <summary>The language part of the locale ("nl" for "nl-NL"), as the triage engine takes it.</summary>
        public string Culture => Locale.Split('-')[0];
    }
}

namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Every word and mark a language's lexicons use, numbered, so matching compares integers and looks each token up
/// once, without allocating (span lookup). A spelling of a word (<c>mn</c>, <c>m'n</c> for <c>mijn</c>) shares its id.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private List<(string Suffix, int Id)>? _clitics;
    private List<(string Prefix, int Id)>? _proclitics;
    private HashSet<int>? _procliticRests;
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _digitWords;
    private HashSet<int>? _decimalWords;
    private HashSet<int>? _inverted;

    public Vocabulary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many distinct ids there are; spellings of a word add none.</summary>
    public int Count { get; private set; }

    public int Add(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = Count++;
            _ids.Add(word, id);
        }

        return id;
    }

    /// <summary>
    /// Makes <paramref name="spelling"/> read as <paramref name="word"/>: the same id. False, and nothing changed, when
    /// the spelling is known already (as a word of its own or another spelling), so no phrase read it otherwise.
    /// </summary>
    public bool AddSpelling(string spelling, string word)
    {
        if (_ids.ContainsKey(spelling) || spelling == word)
        {
            return false;
        }

        _ids.Add(spelling, Add(word));
        return true;
    }

    public int Find(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var id) ? id : -1;

    public int Find(string word) => _ids.TryGetValue(word, out var id) ? id : -1;

    /// <summary>
    /// Makes a word ending in <paramref name="suffix"/> (<c>'s</c>) read as two, the word before it and
    /// <paramref name="word"/> (<c>is</c>): "back's" is "back is". Only for a word not known as a whole ("let's" and
    /// "it's" stay) whose stem is known.
    /// </summary>
    public void AddClitic(string suffix, string word) => (_clitics ??= []).Add((suffix, Add(word)));

    /// <summary>
    /// Makes a word that begins with <paramref name="prefix"/> (<c>k</c>) read as two, <paramref name="word"/>
    /// (<c>ik</c>) and the word after it: "kwil" is "ik wil". Only for a word not known as a whole ("kan", "knie" stay)
    /// whose rest is a known word of at least <see cref="MinProcliticRest"/> letters ("kop" is no "ik op").
    /// </summary>
    public void AddProclitic(string prefix, string word) => (_proclitics ??= []).Add((prefix, Add(word)));

    /// <summary>
    /// Limits what may follow a proclitic to these words (words.yaml <c>procliticRests</c>): "kwil" is "ik wil", but
    /// "kook" stays "kook", not "ik ook".
    /// </summary>
    public void AddProcliticRest(string word) => (_procliticRests ??= []).Add(Add(word));

    public const int MinProcliticRest = 3;

    /// <summary>
    /// Makes <paramref name="digits"/> (<c>2</c>) read as <paramref name="word"/> (<c>to</c>) in a phrase, where it
    /// stands alone between two words: "i want 2 die". As a number it stays a number.
    /// </summary>
    public void AddDigitWord(string digits, string word)
    {
        _digitWords ??= new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _digitWords.Value.Dictionary[digits] = Add(word);
    }

    /// <summary>
    /// Makes <paramref name="word"/> (<c>komma</c>, <c>point</c>) a decimal sign said as a word between two numbers in
    /// digits: "38 komma 5" is 38.5.
    /// </summary>
    public void AddDecimalWord(string word) => (_decimalWords ??= []).Add(Add(word));

    /// <summary>Whether <paramref name="id"/> is a decimal sign said as a word (<see cref="AddDecimalWord"/>).</summary>
    public bool IsDecimalWord(int id) => _decimalWords is not null && _decimalWords.Contains(id);

    /// <summary>Whether any word is a decimal sign (<see cref="AddDecimalWord"/>).</summary>
    public bool HasDecimalWords => _decimalWords is not null;

    /// <summary>
    /// Makes <paramref name="word"/> (<c>ik</c>) a subject a phrase may skip right after its first word, where a sentence
    /// that starts with something else puts it after the verb: "sinds gisteren kan ik niet goed lopen" matches "kan niet
    /// goed lopen".
    /// </summary>
    public void AddInverted(string word) => (_inverted ??= []).Add(Add(word));

    /// <summary>The words of <see cref="AddInverted"/>; null when there are none.</summary>
    public IReadOnlySet<int>? Inverted => _inverted;

    /// <summary>Whether any digits read as a word (<see cref="AddDigitWord"/>).</summary>
    public bool HasDigitWords => _digitWords is not null;

    /// <summary>The id of the word <paramref name="digits"/> stand for in a phrase; -1 when none.</summary>
    public int FindDigitWord(ReadOnlySpan<char> digits) => _digitWords is { } lookup && lookup.TryGetValue(digits, out var id) ? id : -1;

    /// <summary>
    /// How an unknown <paramref name="word"/> splits into two words, a known stem and a clitic after it or a proclitic
    /// before it: the first word's length and both ids; false when it does not.
    /// </summary>
    public bool TrySplit(ReadOnlySpan<char> word, out int firstLength, out int firstId, out int secondId)
    {
        if (_clitics is not null)
        {
            foreach (var (suffix, id) in _clitics)
            {
                if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal) && Find(word[..^suffix.Length]) is >= 0 and var stem)
                {
                    (firstLength, firstId, secondId) = (word.Length - suffix.Length, stem, id);
                    return true;
                }
            }
        }

        if (_proclitics is not null)
        {
            foreach (var (prefix, id) in _proclitics)
            {
                if (word.Length >= prefix.Length + MinProcliticRest && word.StartsWith(prefix, StringComparison.Ordinal) && Find(word[prefix.Length..]) is >= 0 and var rest
                    && (_procliticRests is null || _procliticRests.Contains(rest)))
                {
                    (firstLength, firstId, secondId) = (prefix.Length, id, rest);
                    return true;
                }
            }
        }

        (firstLength, firstId, secondId) = (0, -1, -1);
        return false;
    }
}

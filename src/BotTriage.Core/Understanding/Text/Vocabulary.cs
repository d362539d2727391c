namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Every word and mark a language's lexicons use, numbered, so matching compares integers and looks each token up
/// once, without allocating (span lookup). A spelling of a word (<c>mn</c>, <c>m'n</c> for <c>mijn</c>) shares its id.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

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
}

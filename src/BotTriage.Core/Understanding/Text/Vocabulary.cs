namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// Every word and mark a language's lexicons use, numbered, so matching compares integers and looks each token up
/// once, without allocating (span lookup).
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Vocabulary()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _ids.Count;

    public int Add(string word)
    {
        if (!_ids.TryGetValue(word, out var id))
        {
            id = _ids.Count;
            _ids.Add(word, id);
        }

        return id;
    }

    public int Find(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var id) ? id : -1;

    public int Find(string word) => _ids.TryGetValue(word, out var id) ? id : -1;
}

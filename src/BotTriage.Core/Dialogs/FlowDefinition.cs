using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>The triage flow: its states in file order and the state it starts in.</summary>
public sealed record FlowDefinition(string Start, ImmutableList<DialogState> States)
{
    private readonly ImmutableDictionary<string, DialogState> _byId =
        States.GroupBy(s => s.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public DialogState this[string id] => _byId[id];

    public bool Contains(string id) => _byId.ContainsKey(id);

    public bool TryGet(string id, out DialogState state) => _byId.TryGetValue(id, out state!);
}

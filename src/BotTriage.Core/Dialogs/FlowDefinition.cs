using System.Collections.Frozen;
using System.Collections.Immutable;

namespace BotTriage.Core.Dialogs;

/// <summary>The triage flow: its states in file order, the state it starts in, its optional modules and its scores.</summary>
public sealed record FlowDefinition(string Start, ImmutableList<DialogState> States)
{
    private readonly ImmutableDictionary<string, DialogState> _byId =
        States.GroupBy(s => s.Id, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The questions that carry a red flag, in flow order: looked up every turn, so found once here.</summary>
    internal ImmutableArray<DialogState> RedFlagQuestions { get; } = [.. States.Where(s => s.RedFlag is not null)];

    /// <summary>The red-flag code of each question that carries one, by question id.</summary>
    internal FrozenDictionary<string, string> RedFlagCodes { get; } =
        States.Where(s => s.RedFlag is not null).DistinctBy(s => s.Id, StringComparer.Ordinal).ToFrozenDictionary(s => s.Id, s => s.RedFlag!, StringComparer.Ordinal);

    /// <summary>The questions about each massage contraindication, by its code, in flow order.</summary>
    internal FrozenDictionary<string, ImmutableArray<DialogState>> ContraindicationQuestions { get; } =
        States.Where(s => s.Contraindication is not null)
            .GroupBy(s => s.Contraindication!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>Every lexicon code whose mention answers a question (<see cref="DialogState.Signals"/>).</summary>
    internal FrozenSet<string> Signals { get; } = States.SelectMany(s => s.Signals).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Optional modules by name, and whether each is switched on; their questions are skipped when off.</summary>
    public ImmutableDictionary<string, bool> Modules { get; init; } = ImmutableDictionary<string, bool>.Empty;

    /// <summary>Scores by name, each the sum of the points of the choices given to its questions.</summary>
    public ImmutableDictionary<string, ImmutableList<string>> Scores { get; init; } = ImmutableDictionary<string, ImmutableList<string>>.Empty;

    public DialogState this[string id] => _byId[id];

    public bool Contains(string id) => _byId.ContainsKey(id);

    public bool TryGet(string id, out DialogState state) => _byId.TryGetValue(id, out state!);

    /// <summary>Whether a question is part of the conversation at all: not in a module that is switched off.</summary>
    public bool IsActive(DialogState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Module is null || Modules.GetValueOrDefault(state.Module);
    }
}

namespace BotTriage.Core.StateMachines;

/// <summary>
/// A guard condition with the description shown in graphs and error messages. A guard that reads
/// trigger arguments can only be evaluated when arguments of the right types are at hand.
/// </summary>
internal sealed class TransitionGuard
{
    private readonly Func<IReadOnlyList<object?>, bool> _predicate;

    public TransitionGuard(Func<IReadOnlyList<object?>, bool> predicate, string description, bool readsArguments)
    {
        _predicate = predicate;
        Description = description;
        ReadsArguments = readsArguments;
    }

    public string Description { get; }

    public bool ReadsArguments { get; }

    /// <summary>Evaluates the guard; one that reads arguments fails when <paramref name="argumentsFit"/> is false.</summary>
    public bool IsMet(IReadOnlyList<object?> args, bool argumentsFit) =>
        (!ReadsArguments || argumentsFit) && _predicate(args);
}

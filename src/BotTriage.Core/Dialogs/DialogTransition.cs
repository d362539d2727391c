using BotTriage.Core.Conditions;

namespace BotTriage.Core.Dialogs;

/// <summary>
/// A way out of a state: on which answer (<see cref="On"/>, or any answer when null), under which condition
/// (<see cref="When"/>, or always when null), to which state.
/// </summary>
public sealed record DialogTransition(string? On, string To, Condition? When, SourceLine Source);

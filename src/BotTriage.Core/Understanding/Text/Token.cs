namespace BotTriage.Core.Understanding.Text;

/// <summary>
/// One word, digit group or punctuation mark of normalised text. <see cref="Id"/> is the lexicon vocabulary's id of
/// the token (-1 when no lexicon uses it); <see cref="Number"/> is the value of a digit token (NaN otherwise).
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, int Id, double Number, bool IsBreak);

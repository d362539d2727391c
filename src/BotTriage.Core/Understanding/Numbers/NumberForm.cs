namespace BotTriage.Core.Understanding.Numbers;

/// <summary>How a number was written, which decides where else it may count (a vague amount is never a pain score).</summary>
internal enum NumberForm
{
    Digits,
    Words,
    Fraction,
    Quantity,
}

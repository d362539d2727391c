namespace BotTriage.Core.Understanding.Numbers;

/// <summary>A number over tokens [First, End) with its value.</summary>
internal readonly record struct NumberMatch(int First, int End, double Value, bool Approximate, NumberForm Form);

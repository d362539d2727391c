namespace BotTriage.Core.Conditions;

/// <summary>A condition that does not parse; <see cref="Position"/> is the character offset of the problem.</summary>
public sealed class ConditionSyntaxException : Exception
{
    public ConditionSyntaxException()
    {
    }

    public ConditionSyntaxException(string message)
        : base(message)
    {
    }

    public ConditionSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConditionSyntaxException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public int Position { get; }
}

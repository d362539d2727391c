namespace BotTriage.Bot.Testing;

/// <summary>A <see cref="TestFlow"/> expectation that did not hold.</summary>
public sealed class TestFlowException : Exception
{
    public TestFlowException()
    {
    }

    public TestFlowException(string message)
        : base(message)
    {
    }

    public TestFlowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

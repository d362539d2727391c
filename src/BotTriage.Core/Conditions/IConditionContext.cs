namespace BotTriage.Core.Conditions;

/// <summary>Resolves the references a condition names (<c>pain</c>, <c>duration.weeks</c>, <c>redflags</c>) to values.</summary>
public interface IConditionContext
{
    ConditionValue Resolve(string reference);
}

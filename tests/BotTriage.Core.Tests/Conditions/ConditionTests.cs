using BotTriage.Core.Conditions;

namespace BotTriage.Core.Tests.Conditions;

public sealed class ConditionTests
{
    private static readonly Context Answers = new(new Dictionary<string, ConditionValue>
    {
        ["pain"] = ConditionValue.OfNumber(7),
        ["duration.weeks"] = ConditionValue.OfNumber(14),
        ["consent"] = ConditionValue.OfSymbol("yes"),
        ["location"] = ConditionValue.OfSet(["calf", "hamstrings"]),
        ["redflags"] = ConditionValue.OfSet([]),
    });

    [Theory]
    [InlineData("pain >= 7", true)]
    [InlineData("pain > 7", false)]
    [InlineData("pain < 7.5", true)]
    [InlineData("pain == 7", true)]
    [InlineData("pain != 7", false)]
    [InlineData("consent == yes", true)]
    [InlineData("consent != yes", false)]
    [InlineData("location has calf", true)]
    [InlineData("location has neck", false)]
    [InlineData("location in [neck, calf]", true)]
    [InlineData("location in [neck, shoulder]", false)]
    [InlineData("location only in [calf, hamstrings, knee]", true)]
    [InlineData("location only in [calf, neck]", false)]
    [InlineData("not (location only in [calf, neck])", true)]
    [InlineData("redflags only in [fever]", false)]
    [InlineData("consent only in [no, yes]", true)]
    [InlineData("consent in [no, yes]", true)]
    [InlineData("exists location", true)]
    [InlineData("exists redflags", false)]
    [InlineData("pain >= 7 and duration.weeks > 12", true)]
    [InlineData("pain > 8 or duration.weeks > 12", true)]
    [InlineData("not (pain > 8 or duration.weeks > 20)", true)]
    [InlineData("not pain > 8 and consent == yes", true)]
    [InlineData("pain > 8 or consent == yes and location has neck", false)]
    public void EvaluatesAgainstTheAnswers(string text, bool expected)
    {
        var condition = Condition.Parse(text);

        var result = condition.Evaluate(Answers);

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("sleep > 3")]
    [InlineData("sleep == yes")]
    [InlineData("sleep != yes")]
    [InlineData("sleep has bad")]
    [InlineData("sleep in [bad]")]
    [InlineData("exists sleep")]
    public void NeverHoldsOnAnUnansweredQuestion(string text)
    {
        var condition = Condition.Parse(text);

        var result = condition.Evaluate(Answers);

        Assert.False(result);
    }

    [Fact]
    public void ListsItsReferencesAndSymbolsOnce()
    {
        var condition = Condition.Parse("redflags has fever or (redflags has night-pain and duration.weeks > 4 and location in [calf, neck])");

        Assert.Equal(["redflags", "duration.weeks", "location"], condition.References.ToArray());
        Assert.Equal(["fever", "night-pain", "calf", "neck"], condition.Symbols.ToArray());
    }

    [Fact]
    public void ListsApartTheReferencesReadOutsideANot()
    {
        var condition = Condition.Parse("contraindications in [pregnancy] and not (trauma-minor == yes and duration.weeks < 2) and not (not pain > 3)");

        Assert.Equal(["contraindications", "trauma-minor", "duration.weeks", "pain"], condition.References.ToArray());
        Assert.Equal(["contraindications", "pain"], condition.AffirmedReferences.ToArray());
    }

    [Theory]
    [InlineData("pain >", "expected a value", 6)]
    [InlineData("pain > high", "expected a number, found 'high'", 7)]
    [InlineData("(pain > 3", "expected ')'", 9)]
    [InlineData("pain", "expected an operator after 'pain'", 4)]
    [InlineData("pain ~ 3", "expected an operator after 'pain', found '~ 3'", 5)]
    [InlineData("location in calf", "expected '[' after 'in'", 12)]
    [InlineData("location only [calf]", "expected 'in' after 'only', found '[calf]'", 14)]
    [InlineData("pain > 3 pain", "unexpected 'pain'", 9)]
    public void RejectsWhatDoesNotParseWithThePosition(string text, string message, int position)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(text));

        Assert.Equal(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    private sealed class Context(Dictionary<string, ConditionValue> values) : IConditionContext
    {
        public ConditionValue Resolve(string reference) => values.GetValueOrDefault(reference);
    }
}

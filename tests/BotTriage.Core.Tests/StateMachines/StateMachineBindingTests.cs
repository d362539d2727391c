using BotTriage.Core.StateMachines;

namespace BotTriage.Core.Tests.StateMachines;

public class StateMachineBindingTests
{
    [Fact]
    public void TwoConversationsBoundToOneDefinitionKeepTheirOwnState()
    {
        var definition = Definition();
        var first = new Conversation("welcome");
        var second = new Conversation("welcome");
        var firstMachine = definition.Bind(() => first.Step, s => first.Step = s);
        var secondMachine = definition.Bind(() => second.Step, s => second.Step = s);

        firstMachine.Fire("start");
        firstMachine.Fire("next");
        secondMachine.Fire("start");

        Assert.Equal("done", first.Step);
        Assert.Equal("complaint", second.Step);
        Assert.Equal("welcome", definition.State);
    }

    [Fact]
    public void BoundMachinesShareActionsThatReadTheirOwnTransition()
    {
        var definition = new StateMachine<string, string>("welcome");
        var entered = new List<string>();
        var answer = definition.SetTriggerParameters<string>("answer");
        definition.Configure("welcome").PermitIf(answer, "complaint", text => text.Length > 0, "an answer was given");
        definition.Configure("complaint").OnEntryFrom(answer, text => entered.Add(text));
        var first = new Conversation("welcome");
        var second = new Conversation("welcome");

        definition.Bind(() => first.Step, s => first.Step = s).Fire(answer, "back pain");
        definition.Bind(() => second.Step, s => second.Step = s).Fire(answer, "fever");

        Assert.Equal(["back pain", "fever"], entered);
    }

    [Fact]
    public void ConfiguringAfterBindingIsRejected()
    {
        var definition = Definition();
        var welcome = definition.Configure("welcome");
        var conversation = new Conversation("welcome");
        var bound = definition.Bind(() => conversation.Step, s => conversation.Step = s);

        Assert.Throws<InvalidOperationException>(() => definition.Configure("new"));
        Assert.Throws<InvalidOperationException>(() => welcome.Permit("other", "done"));
        Assert.Throws<InvalidOperationException>(() => bound.Configure("welcome").OnEntry(() => { }));
        Assert.Throws<InvalidOperationException>(() => definition.SetTriggerParameters<int>("score"));
        Assert.Throws<InvalidOperationException>(() => bound.OnUnhandledTrigger((_, _) => { }));
    }

    [Fact]
    public void BoundMachinesCanBeUsedConcurrently()
    {
        var definition = Definition();
        var conversations = Enumerable.Range(0, 200).Select(i => new Conversation("welcome") { Number = i }).ToArray();

        Parallel.ForEach(conversations, conversation =>
        {
            var machine = definition.Bind(() => conversation.Step, s => conversation.Step = s);
            machine.Fire("start");
            if (conversation.Number % 2 == 0)
            {
                machine.Fire("next");
            }
        });

        Assert.All(conversations, c => Assert.Equal(c.Number % 2 == 0 ? "done" : "complaint", c.Step));
    }

    [Fact]
    public void BoundMachineReportsTheDefinitionsGraphAndInitialState()
    {
        var definition = Definition();
        var conversation = new Conversation("complaint");

        var info = definition.Bind(() => conversation.Step, s => conversation.Step = s).GetInfo();

        Assert.Equal("welcome", info.InitialState);
        Assert.Equal(["welcome", "complaint", "done"], info.States.Select(s => s.UnderlyingState));
    }

    [Fact]
    public void UnhandledTriggerHookOfTheDefinitionAppliesToBoundMachines()
    {
        var definition = Definition();
        var unhandled = new List<string>();
        definition.OnUnhandledTrigger((state, trigger) => unhandled.Add($"{state}/{trigger}"));
        var conversation = new Conversation("complaint");

        definition.Bind(() => conversation.Step, s => conversation.Step = s).Fire("start");

        Assert.Equal(["complaint/start"], unhandled);
    }

    private static StateMachine<string, string> Definition()
    {
        var definition = new StateMachine<string, string>("welcome");
        definition.Configure("welcome").Permit("start", "complaint");
        definition.Configure("complaint").Permit("next", "done");
        return definition;
    }

    private sealed class Conversation(string step)
    {
        public string Step { get; set; } = step;

        public int Number { get; init; }
    }
}

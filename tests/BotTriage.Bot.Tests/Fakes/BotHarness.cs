using BotTriage.Bot.Builder;
using BotTriage.Bot.Hosting;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Testing;
using BotTriage.Bot.Transcripts;
using BotTriage.Bot.Triage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Bot.Tests.Fakes;

/// <summary>The bot as the host wires it, with in-memory stores and the scripted engine, driven by a TestAdapter.</summary>
public sealed class BotHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public BotHarness(ITriageEngine? engine = null, TimeProvider? timeProvider = null, string channelId = "test")
    {
        // Replies are asserted one by one here; a slow turn on a busy machine must not slip a typing indicator in
        // between. The indicator itself is tested with its middleware.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:TypingDelayMilliseconds"] = "60000" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IStorage>(Storage);
        services.AddSingleton<ITranscriptStore>(Transcripts);
        services.AddSingleton(engine ?? new ScriptedTriageEngine());
        services.AddSingleton(ShippedDialogs.Value);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddBotTriage(configuration);
        _services = services.BuildServiceProvider();
        Bot = _services.GetRequiredService<IBot>();
        Adapter = new TestAdapter(channelId);
        foreach (var middleware in BotTriageServiceCollectionExtensions.Pipeline(_services))
        {
            Adapter.Use(middleware);
        }

        Adapter.OnTurnError = _services.GetRequiredService<TurnErrorHandler>().HandleAsync;
    }

    public FakeStorage Storage { get; } = new();

    public FakeTranscriptStore Transcripts { get; } = new();

    public TestAdapter Adapter { get; }

    public IBot Bot { get; }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public TestFlow Flow() => new(Adapter, Bot);

    public void Dispose() => _services.Dispose();
}

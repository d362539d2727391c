using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotTriage.Web.Tests.Support;

/// <summary>
/// A Bot Connector on loopback with a free port: records every activity POSTed to it and answers an id. Typing
/// indicators are only counted, because the bot sends them whenever a turn runs longer than 500 ms, which on a
/// busy test machine is a matter of luck; <see cref="NextAsync"/> and <see cref="Pending"/> see the other activities.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);
    private int _nextId;
    private int _typingIndicators;

    private FakeConnector(WebApplication app) => _app = app;

    /// <summary>The base address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var connector = new FakeConnector(builder.Build());
        connector._app.MapPost("/{**path}", connector.ReceiveAsync);
        await connector._app.StartAsync();
        connector.BaseUrl = connector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return connector;
    }

    /// <summary>Waits for the next activity the bot sent; fails when none comes within a few seconds.</summary>
    public async Task<ReceivedActivity> NextAsync()
    {
        if (!await _arrivals.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The connector received nothing.");
        }

        _received.TryDequeue(out var received);
        return received!;
    }

    public int Pending => _received.Count;

    /// <summary>How many typing indicators arrived.</summary>
    public int TypingIndicators => Volatile.Read(ref _typingIndicators);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _arrivals.Dispose();
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        // The raw target, because the server decodes %3A in Path and the test checks the escaping as sent.
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (body.RootElement.TryGetProperty("type", out var type) && type.GetString() == "typing")
        {
            Interlocked.Increment(ref _typingIndicators);
            return Results.Json(new { id = "typing-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) });
        }

        _received.Enqueue(new ReceivedActivity(rawTarget, request.Headers.Authorization.ToString(), body.RootElement.Clone()));
        _arrivals.Release();
        return Results.Json(new { id = "sent-" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture) });
    }
}

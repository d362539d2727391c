using System.Globalization;
using System.Text.Json;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Cli.Commands;

/// <summary>
/// <c>bottriage chat</c>: the triage in the terminal, on the same engine as the bot. When standard input is not a
/// terminal it reads one message per line, so a conversation can be scripted; <c>--json</c> prints the outcome and
/// transcript as the JSON contract documented in the README (and nothing else on standard output).
/// </summary>
internal sealed class ChatCommand(TimeProvider clock) : ICommand
{
    public ChatCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "chat";

    public string Summary => "chat through a triage in the terminal [--lang nl|en] [--dialogs DIR] [--json] [--today YYYY-MM-DD]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        var parsed = CommandArguments.Parse(args, ["lang", "dialogs", "today"], ["json"], out var problem);
        var language = parsed?.Option("lang") ?? Cultures.Dutch;
        DateOnly today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        if (parsed is null || parsed.Positional.Count > 0 || language is not (Cultures.Dutch or Cultures.English)
            || (parsed.Option("today") is { } day && !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today)))
        {
            await io.Error.WriteLineAsync($"bottriage chat: {problem ?? "bad arguments"}. Usage: bottriage chat [--lang nl|en] [--dialogs DIR] [--json] [--today YYYY-MM-DD]").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        if (await DialogsOption.LoadAsync(parsed.Option("dialogs"), io).ConfigureAwait(false) is not { } dialogs)
        {
            return 1;
        }

        var json = parsed.Flag("json");
        var engine = new TriageEngine(dialogs);
        var transcript = new List<ChatLine>();
        var turn = engine.Start(language);
        await ShowAsync(turn, transcript, io, json).ConfigureAwait(false);
        var state = turn.State;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (io.InputIsTerminal)
            {
                if (state.Outcome is not null && state.Step != TriageEngine.EraseStep)
                {
                    break;
                }

                await io.Out.WriteAsync("> ").ConfigureAwait(false);
            }

            var line = await io.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                break;
            }

            transcript.Add(new ChatLine("user", line));
            turn = engine.Step(state, line, today);
            state = turn.State;
            if (turn.EraseRequested)
            {
                transcript.Clear();
            }

            await ShowAsync(turn, transcript, io, json).ConfigureAwait(false);
        }

        if (json)
        {
            var result = new ChatResult(state.Outcome ?? new TriageOutcome(), transcript);
            await io.Out.WriteLineAsync(JsonSerializer.Serialize(result, ChatJsonContext.Default.ChatResult)).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task ShowAsync(TurnResult turn, List<ChatLine> transcript, ConsoleIo io, bool json)
    {
        foreach (var reply in turn.Replies)
        {
            transcript.Add(new ChatLine("bot", reply.Text));
            if (json)
            {
                continue;
            }

            await io.Out.WriteLineAsync(reply.Text).ConfigureAwait(false);
            if (reply.Choices.Count > 0)
            {
                await io.Out.WriteLineAsync(string.Join(" ", reply.Choices.Select(c => $"[{c.Label}]"))).ConfigureAwait(false);
            }
        }
    }
}

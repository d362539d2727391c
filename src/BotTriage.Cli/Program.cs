using BotTriage.Cli;

return await CommandLine.RunAsync(args, ConsoleIo.FromConsole(), CancellationToken.None).ConfigureAwait(false);

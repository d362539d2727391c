using BotTriage.Bot.Privacy;

namespace BotTriage.Cli.Commands;

/// <summary>
/// <c>bottriage hash-password</c>: reads a password from standard input (one line) and prints its PBKDF2 hash for
/// <c>Therapists:Accounts:N:PasswordHash</c>. The password is never an argument, so it stays out of shell history.
/// </summary>
internal sealed class HashPasswordCommand : ICommand
{
    private const int MinLength = 12;

    public string Name => "hash-password";

    public string Summary => "read a password from standard input, print its hash for Therapists:Accounts";

    public async Task<int> RunAsync(IReadOnlyList<string> args, ConsoleIo io, CancellationToken cancellationToken)
    {
        if (args.Count > 0)
        {
            await io.Error.WriteLineAsync("bottriage hash-password: takes no arguments; type or pipe the password on standard input.").ConfigureAwait(false);
            return CommandLine.UsageError;
        }

        if (io.InputIsTerminal)
        {
            await io.Error.WriteAsync("Wachtwoord / Password: ").ConfigureAwait(false);
        }

        var password = await io.In.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            await io.Error.WriteLineAsync($"bottriage hash-password: the password must be at least {MinLength} characters.").ConfigureAwait(false);
            return 1;
        }

        await io.Out.WriteLineAsync(PasswordHasher.Hash(password)).ConfigureAwait(false);
        return 0;
    }
}

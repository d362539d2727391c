using BotTriage.Bot.Privacy;

namespace BotTriage.Cli.Tests.Commands;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task PrintsAHashThatVerifiesThePasswordFromStandardInput()
    {
        var (exit, output, error) = await CliRunner.RunAsync("een lang wachtwoord\n", "hash-password");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var hash = output.Trim();
        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("een lang wachtwoord", hash));
        Assert.DoesNotContain("een lang wachtwoord", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAShortPassword()
    {
        var (exit, output, error) = await CliRunner.RunAsync("kort\n", "hash-password");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("at least 12 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesThePasswordAsAnArgument()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "hash-password", "geheim-wachtwoord");

        Assert.Equal(64, exit);
        Assert.Contains("standard input", error, StringComparison.Ordinal);
    }
}

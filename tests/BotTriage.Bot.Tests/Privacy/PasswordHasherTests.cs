using BotTriage.Bot.Privacy;

namespace BotTriage.Bot.Tests.Privacy;

public sealed class PasswordHasherTests
{
    [Fact]
    public void VerifiesTheRightPasswordAndRejectsAWrongOne()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.StartsWith("pbkdf2-sha256$600000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct hors", hash));
    }

    [Fact]
    public void SaltsEveryHash() =>
        Assert.NotEqual(PasswordHasher.Hash("same"), PasswordHasher.Hash("same"));

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$600000$not base64$AAAA")]
    public void RejectsHashesItCannotCheckSafely(string encoded)
    {
        Assert.False(PasswordHasher.IsValid(encoded, out var problem));
        Assert.NotNull(problem);
        Assert.False(PasswordHasher.Verify("anything", encoded));
    }
}

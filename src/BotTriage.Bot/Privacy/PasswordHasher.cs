using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BotTriage.Bot.Privacy;

/// <summary>
/// Password hashes for the therapist accounts: PBKDF2 with HMAC-SHA-256, a 16-byte random salt and at least
/// 600,000 iterations (OWASP's figure for PBKDF2-SHA256), written as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>
/// with base64 salt and hash. Made by <c>bottriage hash-password</c>, checked at login.
/// </summary>
public static class PasswordHasher
{
    public const string Scheme = "pbkdf2-sha256";
    public const int MinIterations = 600_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password, int iterations = MinIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="encoded"/> is a hash this class can check; <paramref name="problem"/> says why not.</summary>
    public static bool IsValid(string? encoded, out string? problem)
    {
        problem = TryParse(encoded, out _, out _, out _);
        return problem is null;
    }

    /// <summary>Checks a password in constant time against its hash; false for a malformed hash.</summary>
    public static bool Verify(string password, string encoded)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (TryParse(encoded, out var iterations, out var salt, out var expected) is not null)
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string? TryParse(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded?.Split('$') ?? [];
        if (parts.Length != 4 || parts[0] != Scheme)
        {
            return $"not a '{Scheme}$ITERATIONS$SALT$HASH' hash; make one with 'bottriage hash-password'";
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinIterations)
        {
            return $"the iteration count must be a number of at least {MinIterations}";
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return "the salt and hash must be base64";
        }

        return salt.Length < SaltBytes || hash.Length < HashBytes ? "the salt or hash is too short" : null;
    }
}

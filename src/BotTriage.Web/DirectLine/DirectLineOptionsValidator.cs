using Microsoft.Extensions.Options;

namespace BotTriage.Web.DirectLine;

/// <summary>Validates <see cref="DirectLineOptions"/> at start: its ranges, and a signing key that is base64 of at least 32 bytes.</summary>
[OptionsValidator]
public sealed partial class DirectLineOptionsValidator : IValidateOptions<DirectLineOptions>
{
    public static ValidateOptionsResult ValidateKey(DirectLineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TokenSigningKey))
        {
            return ValidateOptionsResult.Success;
        }

        var buffer = new byte[options.TokenSigningKey.Length];
        return Convert.TryFromBase64String(options.TokenSigningKey, buffer, out var length) && length >= 32
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("DirectLine:TokenSigningKey must be base64 of at least 32 bytes.");
    }
}

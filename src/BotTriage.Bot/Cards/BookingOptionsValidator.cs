using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Cards;

/// <summary>Every booking link is an absolute http(s) address, so a typo stops the start instead of a button that goes nowhere.</summary>
public sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var (route, url) in options.Routes)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"Booking:Routes:{route} must be an absolute http or https address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

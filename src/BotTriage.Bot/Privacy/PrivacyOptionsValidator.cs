using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Privacy;

/// <summary>Validates <see cref="PrivacyOptions"/> at start from its attributes, generated at compile time.</summary>
[OptionsValidator]
public sealed partial class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
}

using Microsoft.Extensions.Options;

namespace BotTriage.Web.Chat;

/// <summary>Validates <see cref="PracticeOptions"/> at start from its attributes, generated at compile time.</summary>
[OptionsValidator]
public sealed partial class PracticeOptionsValidator : IValidateOptions<PracticeOptions>
{
}

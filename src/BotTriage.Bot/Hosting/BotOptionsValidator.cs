using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Hosting;

/// <summary>Validates <see cref="BotOptions"/> at start from its attributes, generated at compile time.</summary>
[OptionsValidator]
public sealed partial class BotOptionsValidator : IValidateOptions<BotOptions>
{
}

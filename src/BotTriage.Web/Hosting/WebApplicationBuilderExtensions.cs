using BotTriage.Bot.Hosting;
using BotTriage.Core.Dialogs;
using BotTriage.Web.Chat;
using BotTriage.Web.Therapists;

namespace BotTriage.Web.Hosting;

/// <summary>
/// Wires the web host: the bot (<see cref="BotTriageServiceCollectionExtensions.AddBotTriage"/>), the dialogs,
/// loaded and validated now so broken content stops the start with its <c>file:line</c> errors, and the Bot
/// Framework's default address when none is configured.
/// </summary>
public static class WebApplicationBuilderExtensions
{
    /// <summary>The Bot Framework Emulator's default; <c>--urls</c>, <c>ASPNETCORE_URLS</c> or Kestrel settings override it.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    public static WebApplicationBuilder AddBotTriage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration["http_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddOptions<DialogsOptions>().Bind(configuration.GetSection(DialogsOptions.SectionName));
        var directory = configuration[$"{DialogsOptions.SectionName}:{nameof(DialogsOptions.Directory)}"];
        var dialogs = DialogLoader.LoadDirectory(string.IsNullOrWhiteSpace(directory) ? DialogPaths.Default : directory);
        builder.Services.AddSingleton(dialogs);

        builder.Services.AddProblemDetails();
        builder.Services.AddBotTriage(configuration);
        builder.Services.AddBotTriageKeyRing(configuration);
        builder.AddTherapistWorkspace();
        builder.AddChat();
        builder.Services.AddBotTriageRateLimits();
        return builder;
    }
}

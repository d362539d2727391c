using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>
/// Wires the therapist workspace: validated <see cref="TherapistOptions"/>, cookie login (Secure, HttpOnly,
/// SameSite=Strict), a policy per role, antiforgery, the lockout, and the endpoints under <c>/therapists</c>.
/// </summary>
public static class TherapistWorkspace
{
    public const string CookieName = "bottriage-therapist";
    public const string AntiforgeryCookieName = "bottriage-antiforgery";
    public const string AntiforgeryFieldName = "__RequestVerificationToken";

    public static WebApplicationBuilder AddTherapistWorkspace(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TherapistOptions>().Bind(builder.Configuration.GetSection(TherapistOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TherapistOptions>, TherapistOptionsValidator>());
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<SessionServices>();
        services.TryAddSingleton<TherapistOpenIdConnect>();
        services.AddHttpClient(TherapistOpenIdConnect.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.Path = "/therapists";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.LoginPath = "/therapists/login";
                options.LogoutPath = "/therapists/logout";
                options.AccessDeniedPath = "/therapists/denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(TherapistRoles.Therapist, policy => policy.RequireAuthenticatedUser().RequireRole(TherapistRoles.Therapist))
            .AddPolicy(TherapistRoles.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(TherapistRoles.Admin));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.Path = "/therapists";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = AntiforgeryFieldName;
        });
        return builder;
    }

    public static WebApplication MapTherapists(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapTherapistEndpoints();
        return app;
    }
}

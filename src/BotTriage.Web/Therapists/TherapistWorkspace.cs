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

    /// <summary>The named HttpClient that talks to the OpenID Connect provider (discovery, keys, token endpoint).</summary>
    public const string OpenIdConnectHttpClientName = "BotTriage.TherapistOpenIdConnect";

    /// <summary>The short-lived cookie holding a sign-in's state, nonce and PKCE verifier, protected.</summary>
    public const string OpenIdConnectStateCookieName = "bottriage-oidc";

    /// <summary>The audit's actor for an OpenID Connect sign-in refused before anyone was known: no personal data.</summary>
    public const string OpenIdConnectAuditActor = "(openid-connect)";

    public static WebApplicationBuilder AddTherapistWorkspace(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TherapistOptions>().Bind(builder.Configuration.GetSection(TherapistOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TherapistOptions>, TherapistOptionsValidator>());
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<SessionServices>();
        services.TryAddSingleton<TherapistOpenIdConnect>();
        services.AddHttpClient(OpenIdConnectHttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(10);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });

        // Secure cookies always, except when a developer runs the workspace on plain http://localhost with
        // `dotnet run` (the Development environment): antiforgery refuses to issue its token on http otherwise.
        var securePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.Path = "/therapists";
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = securePolicy;
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
            options.Cookie.SecurePolicy = securePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = AntiforgeryFieldName;
        });
        return builder;
    }

    public static WebApplication MapTherapists(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            // Its cookies are Secure, so over plain http nothing could sign in: say so instead of failing later.
            app.Use((context, next) =>
            {
                if (context.Request.IsHttps || !context.Request.Path.StartsWithSegments("/therapists", StringComparison.OrdinalIgnoreCase))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                return context.Response.WriteAsync(
                    "De therapeutenomgeving werkt alleen via https. / The therapist workspace is served over https only "
                    + "(behind a TLS proxy: set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true).");
            });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapTherapistEndpoints();
        return app;
    }
}

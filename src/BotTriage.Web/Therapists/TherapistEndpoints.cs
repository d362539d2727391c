using System.Security.Claims;
using System.Text.Json;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Transcripts;
using BotTriage.Core.Dialogs;
using BotTriage.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Therapists;

/// <summary>
/// The workspace endpoints under <c>/therapists</c>: login and logout, the session list, a session's detail, print
/// view and exports (JSON, <c>.transcript</c>, FHIR), deleting a session, and the admin page. Session data needs the
/// <c>therapist</c> role; every view and export is written to the audit log before it is served.
/// </summary>
internal static class TherapistEndpoints
{
    private const string UnknownAccount = "(unknown account)";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void MapTherapistEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/therapists").AddEndpointFilter(NoStoreFilter);
        group.MapGet("/app.css", () => TypedResults.Text(TherapistLayout.Stylesheet, "text/css")).AllowAnonymous();
        group.MapGet("/login", ShowLogin).AllowAnonymous();
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Logins);
        var openIdConnect = app.ServiceProvider.GetRequiredService<IOptions<TherapistOptions>>().Value.OpenIdConnect;
        if (openIdConnect.IsEnabled)
        {
            group.MapGet(TherapistOpenIdConnect.StartPath["/therapists".Length..], (HttpContext context, string? returnUrl, TherapistOpenIdConnect flow) => flow.StartAsync(context, returnUrl)).AllowAnonymous();
            group.MapGet(openIdConnect.CallbackPath["/therapists".Length..], (HttpContext context, TherapistOpenIdConnect flow) => flow.CallbackAsync(context)).AllowAnonymous();
        }
        group.MapPost("/logout", LogoutAsync).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute()).AddEndpointFilter(AntiforgeryFilter);
        group.MapGet("/denied", Denied).RequireAuthorization();
        group.MapGet("/", ListAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/session", DetailAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/session/print", PrintAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/session/export/json", ExportJsonAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/session/export/transcript", ExportTranscriptAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/session/export/fhir", ExportFhirAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/questionnaire", (DialogSet dialogs) => TypedResults.Text(FhirQuestionnaire.Build(dialogs.Flow).ToJsonString(Indented), "application/fhir+json")).RequireAuthorization(TherapistRoles.Therapist);
        group.MapPost("/session/delete", DeleteAsync).RequireAuthorization(TherapistRoles.Therapist);
        group.MapGet("/admin", AdminAsync).RequireAuthorization(TherapistRoles.Admin);
    }

    private static ContentHttpResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);

    private static string Token(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken ?? "";

    private static string UserName(HttpContext context) => context.User.Identity?.Name ?? "";

    private static bool OpenIdConnect(HttpContext context) =>
        context.RequestServices.GetRequiredService<TherapistOpenIdConnect>().IsEnabled;

    private static ContentHttpResult ShowLogin(HttpContext context, string? returnUrl) =>
        Html(TherapistPages.Login(Token(context), returnUrl, null, null, OpenIdConnect(context)));

    /// <summary>Where a fresh login lands: a workspace <paramref name="returnUrl"/>, else the list or, for an admin only, the admin page.</summary>
    internal static string LandingPage(string? returnUrl, IReadOnlyCollection<string> roles) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith("/therapists", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : roles.Contains(TherapistRoles.Therapist) ? "/therapists" : "/therapists/admin";

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> LoginAsync(
        HttpContext context,
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        IOptions<TherapistOptions> options,
        LoginThrottle throttle,
        IAuditLog audit,
        TimeProvider timeProvider,
        ILogger<TherapistAccount> logger)
    {
        var name = (userName ?? "").Trim();
        if (name.Length == 0 || string.IsNullOrEmpty(password))
        {
            return Html(TherapistPages.Login(Token(context), returnUrl, Bilingual("Vul je gebruikersnaam en wachtwoord in.", "Enter your user name and password."), name, OpenIdConnect(context)), StatusCodes.Status400BadRequest);
        }

        if (await throttle.IsLockedAsync(name, context.RequestAborted))
        {
            return Html(TherapistPages.Login(Token(context), returnUrl, Bilingual("Te veel mislukte pogingen; dit account is tijdelijk geblokkeerd.", "Too many failed attempts; this account is locked for a while."), name, OpenIdConnect(context)), StatusCodes.Status429TooManyRequests);
        }

        var account = options.Value.Accounts.FirstOrDefault(a => string.Equals(a.UserName, name, StringComparison.OrdinalIgnoreCase));
        if (account is null || !PasswordHasher.Verify(password, account.PasswordHash))
        {
            var locked = await throttle.RecordFailureAsync(name, context.RequestAborted);

            // Whatever was typed as a name that matches no account (a password in the wrong field, say) stays out of
            // the log and the audit.
            var known = account?.UserName ?? UnknownAccount;
            TherapistLog.LoginFailed(logger, known, locked);
            await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), known, "login-failed"), context.RequestAborted);
            return Html(TherapistPages.Login(Token(context), returnUrl, Bilingual("Gebruikersnaam of wachtwoord klopt niet.", "User name or password is wrong."), name, OpenIdConnect(context)), StatusCodes.Status401Unauthorized);
        }

        await throttle.RecordSuccessAsync(name, context.RequestAborted);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, account.UserName), .. account.Roles.Select(r => new Claim(ClaimTypes.Role, r))],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), account.UserName, "login"), context.RequestAborted);
        TherapistLog.LoggedIn(logger, account.UserName);
        return TypedResults.Redirect(LandingPage(returnUrl, account.Roles));
    }

    private static async Task<RedirectHttpResult> LogoutAsync(HttpContext context, IAuditLog audit, TimeProvider timeProvider)
    {
        await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), UserName(context), "logout"), context.RequestAborted);
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/therapists/login");
    }

    private static ContentHttpResult Denied(HttpContext context) =>
        Html(TherapistPages.Denied(UserName(context), Token(context)), StatusCodes.Status403Forbidden);

    private static async Task<ContentHttpResult> ListAsync(
        HttpContext context,
        string? urgency,
        string? route,
        string? redflag,
        string? from,
        string? to,
        string? channel,
        string? q,
        string? page,
        string? deleted,
        ISessionStore sessions,
        IAuditLog audit,
        DialogSet dialogs,
        IOptions<TherapistOptions> options,
        TimeProvider timeProvider)
    {
        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var pageNumber = int.TryParse(page, out var n) && n > 0 ? n : 1;
        var filter = new SessionListFilter(urgency, route, redflag, from, to, channel, q, pageNumber);
        var query = filter.ToQuery(zone, settings.PageSize, out var error);
        var result = query is null ? new SessionPage([], 0) : await sessions.QueryAsync(query, context.RequestAborted);
        await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), UserName(context), "list"), context.RequestAborted);
        var notice = deleted == "1" ? Bilingual("De sessie is verwijderd.", "The session was deleted.") : null;
        return Html(TherapistPages.List(result, filter, dialogs.Texts, zone, settings.PageSize, UserName(context), Token(context), error, notice), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static Task<IResult> DetailAsync(HttpContext context, string? channel, string? id, SessionServices services) =>
        ShowAsync(context, channel, id, services, print: false);

    private static Task<IResult> PrintAsync(HttpContext context, string? channel, string? id, SessionServices services) =>
        ShowAsync(context, channel, id, services, print: true);

    private static async Task<IResult> ShowAsync(HttpContext context, string? channel, string? id, SessionServices services, bool print)
    {
        if (await services.FindAsync(context, channel, id, print ? "print" : "view") is not { } session)
        {
            return NotFound(context);
        }

        var transcript = await services.Transcripts.GetActivitiesAsync(session.ChannelId, session.ConversationId, context.RequestAborted);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.Options.Value.TimeZone);
        return Html(TherapistPages.Detail(session, transcript, services.Dialogs, zone, UserName(context), Token(context), print));
    }

    private static async Task<IResult> ExportJsonAsync(HttpContext context, string? channel, string? id, SessionServices services)
    {
        if (await services.FindAsync(context, channel, id, "export-json") is not { } session)
        {
            return NotFound(context);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(SessionJsonExport.Build(session), Indented);
        return TypedResults.File(bytes, "application/json", FileName(session, ".json"));
    }

    private static async Task<IResult> ExportTranscriptAsync(HttpContext context, string? channel, string? id, SessionServices services)
    {
        if (await services.FindAsync(context, channel, id, "export-transcript") is not { } session)
        {
            return NotFound(context);
        }

        var activities = await services.Transcripts.GetActivitiesAsync(session.ChannelId, session.ConversationId, context.RequestAborted);
        using var buffer = new MemoryStream();
        await TranscriptFile.WriteAsync(buffer, activities, context.RequestAborted);
        return TypedResults.File(buffer.ToArray(), TranscriptFile.ContentType, FileName(session, TranscriptFile.Extension));
    }

    private static async Task<IResult> ExportFhirAsync(HttpContext context, string? channel, string? id, SessionServices services)
    {
        if (await services.FindAsync(context, channel, id, "export-fhir") is not { } session)
        {
            return NotFound(context);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(FhirQuestionnaireResponse.Build(session, services.Dialogs.Flow), Indented);
        return TypedResults.File(bytes, "application/fhir+json", FileName(session, ".fhir.json"));
    }

    private static async Task<IResult> DeleteAsync(
        HttpContext context,
        [FromForm] string? channel,
        [FromForm] string? id,
        ConversationEraser eraser,
        IAuditLog audit,
        TimeProvider timeProvider)
    {
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(id))
        {
            return NotFound(context);
        }

        await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), UserName(context), "delete", channel, id), context.RequestAborted);
        await eraser.EraseAsync(channel, id, null, context.RequestAborted);
        return TypedResults.Redirect("/therapists?deleted=1");
    }

    private static async Task<ContentHttpResult> AdminAsync(
        HttpContext context,
        IAuditLog audit,
        IOptions<TherapistOptions> therapists,
        IOptions<PrivacyOptions> privacy,
        TimeProvider timeProvider)
    {
        var entries = await audit.ListAsync(0, 200, context.RequestAborted);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(therapists.Value.TimeZone);
        await audit.AppendAsync(new AuditEntry(timeProvider.GetUtcNow(), UserName(context), "view-audit"), context.RequestAborted);
        return Html(TherapistPages.Admin(therapists.Value, privacy.Value, entries, zone, UserName(context), Token(context)));
    }

    private static ContentHttpResult NotFound(HttpContext context) =>
        Html(TherapistLayout.Page("Niet gevonden", $"<h1>{Therapists.Html.T("Sessie niet gevonden", "Session not found")}</h1><p><a href=\"/therapists\">{Therapists.Html.T("Terug naar de lijst", "Back to the list")}</a></p>", UserName(context), Token(context)), StatusCodes.Status404NotFound);

    private static string FileName(SessionRecord session, string extension) =>
        $"bottriage-{session.Pseudonym}-{session.Started.UtcDateTime:yyyyMMdd-HHmm}{extension}";

    private static string Bilingual(string dutch, string english) => Therapists.Html.T(dutch, english);

    /// <summary>Health data must not stay in browser or proxy caches, and the pages run no script at all.</summary>
    private static async ValueTask<object?> NoStoreFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var headers = invocation.HttpContext.Response.Headers;
        // Both directives, as antiforgery sets them on a page with a form (it would otherwise replace them, and warn).
        headers.CacheControl = "no-cache, no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return await next(invocation);
    }

    /// <summary>Rejects a form post without a valid antiforgery token on endpoints that bind no form fields themselves.</summary>
    private static async ValueTask<object?> AntiforgeryFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var feature = invocation.HttpContext.Features.Get<IAntiforgeryValidationFeature>();
        return feature is { IsValid: false }
            ? TypedResults.BadRequest()
            : await next(invocation);
    }
}

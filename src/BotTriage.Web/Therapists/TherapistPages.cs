using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.Teams;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;

namespace BotTriage.Web.Therapists;

/// <summary>The workspace's pages as HTML text. Every value that comes from a person or a store is encoded with <see cref="Html.E"/>.</summary>
internal static class TherapistPages
{
    private static readonly string[] Urgencies = ["T0", "T1", "T2", "T3", "T4", "none"];
    private static readonly string[] RouteCodes = ["emergency-112", "gp", "physio", "psychologist", "massage", "self-care"];

    public static string Login(string token, string? returnUrl, string? error, string? userName, bool openIdConnect) =>
        TherapistLayout.Page("Inloggen", $"""
            <h1>{Html.T("Inloggen voor therapeuten", "Therapist login")}</h1>
            {(error is null ? "" : $"<p class=\"error\" role=\"alert\">{error}</p>")}
            <form method="post" action="/therapists/login">
            {TherapistLayout.AntiforgeryField(token)}
            <input type="hidden" name="returnUrl" value="{Html.E(returnUrl)}">
            <p><label>{Html.T("Gebruikersnaam", "User name")}<br><input name="userName" autocomplete="username" required value="{Html.E(userName)}"></label></p>
            <p><label>{Html.T("Wachtwoord", "Password")}<br><input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">{Html.T("Inloggen", "Log in")}</button></p>
            </form>
            {(openIdConnect ? $"<p class=\"sso\"><a href=\"{TherapistOpenIdConnect.StartPath}{(string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Html.Url(returnUrl))}\">{Html.T("Inloggen met Microsoft", "Sign in with Microsoft")}</a></p>" : "")}
            """);

    /// <summary>Too many login attempts from one address in a minute; the form is not shown again until the minute is over.</summary>
    public static string TooManyLogins() =>
        TherapistLayout.Page("Te veel pogingen", $"""
            <h1>{Html.T("Te veel pogingen", "Too many attempts")}</h1>
            <p class="error" role="alert">{Html.T("Er is vanaf dit adres te vaak geprobeerd in te loggen. Probeer het over een minuut opnieuw.", "There were too many login attempts from this address. Try again in a minute.")}</p>
            <p><a href="/therapists/login">{Html.T("Terug naar inloggen", "Back to the login")}</a></p>
            """);

    /// <summary>The provider's sign-in went wrong somewhere; nothing is signed in and no detail is shown.</summary>
    public static string SignInFailed() =>
        TherapistLayout.Page("Inloggen mislukt", $"""
            <h1>{Html.T("Inloggen met Microsoft is mislukt", "Sign-in with Microsoft failed")}</h1>
            <p class="error" role="alert">{Html.T("De aanmelding kon niet worden bevestigd. Je bent niet ingelogd.", "The sign-in could not be confirmed. You are not logged in.")}</p>
            <p><a href="/therapists/login">{Html.T("Opnieuw proberen", "Try again")}</a></p>
            """);

    /// <summary>The provider vouched for the person, but no app role of theirs maps to a workspace role.</summary>
    public static string SignInRefused() =>
        TherapistLayout.Page("Geen toegang", $"""
            <h1>{Html.T("Geen toegang", "Access denied")}</h1>
            <p>{Html.T("Je Microsoft-account heeft geen rol voor deze werkplek. Vraag je beheerder om een app-rol.", "Your Microsoft account has no role in this workspace. Ask your administrator for an app role.")}</p>
            <p><a href="/therapists/login">{Html.T("Terug naar inloggen", "Back to the login")}</a></p>
            """);

    /// <summary>Moves on to <paramref name="target"/> by itself (no script), as a same-site navigation.</summary>
    public static string SignedIn(string target) =>
        TherapistLayout.Page("Ingelogd", $"""
            <meta http-equiv="refresh" content="0;url={Html.E(target)}">
            <p><a href="{Html.E(target)}">{Html.T("Verder naar de werkplek", "Continue to the workspace")}</a></p>
            """);

    public static string Denied(string userName, string token) =>
        TherapistLayout.Page("Geen toegang", $"<h1>{Html.T("Geen toegang", "Access denied")}</h1><p>{Html.T("Dit account heeft niet de rol die deze pagina vraagt.", "This account does not have the role this page needs.")}</p>", userName, token);

    public static string List(SessionPage page, SessionListFilter filter, TextCatalog texts, TimeZoneInfo zone, int pageSize, string userName, string token, string? error, string? notice)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.T("Triagesessies", "Triage sessions")).Append("</h1>");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(error).Append("</p>");
        }

        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(notice).Append("</p>");
        }

        html.Append("<form method=\"get\" action=\"/therapists\" class=\"filters\">");
        html.Append(Select("urgency", Html.T("Urgentie", "Urgency"), Urgencies, filter.Urgency));
        html.Append(Select("route", Html.T("Route", "Route"), RouteCodes, filter.Route, code => RouteName(code, texts)));
        html.Append(Select("redflag", Html.T("Rode vlag", "Red flag"), ["yes", "no"], filter.RedFlag));
        html.Append(Input("from", Html.T("Vanaf", "From"), filter.From, "date"));
        html.Append(Input("to", Html.T("Tot en met", "Up to"), filter.To, "date"));
        html.Append(Input("channel", Html.T("Kanaal", "Channel"), filter.Channel, "text"));
        html.Append(Input("q", Html.T("Gesprek-id", "Conversation id"), filter.Query, "search"));
        html.Append("<button type=\"submit\">").Append(Html.T("Filteren", "Filter")).Append("</button> <a href=\"/therapists\">")
            .Append(Html.T("Wissen", "Clear")).Append("</a></form>");

        html.Append("<p>").Append(page.Total.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Html.T("sessies", "sessions")).Append("</p>");
        html.Append("<table><thead><tr><th>").Append(Html.T("Datum", "Date")).Append("</th><th>").Append(Html.T("Persoon", "Person"))
            .Append("</th><th>").Append(Html.T("Kanaal", "Channel")).Append("</th><th>").Append(Html.T("Taal", "Language"))
            .Append("</th><th>").Append(Html.T("Locaties", "Locations")).Append("</th><th>").Append(Html.T("Urgentie", "Urgency"))
            .Append("</th><th>").Append(Html.T("Routes", "Routes")).Append("</th><th>").Append(Html.T("Rode vlag", "Red flag"))
            .Append("</th><th>").Append(Html.T("Contra-indicaties", "Contraindications"))
            .Append("</th><th>").Append(Html.T("Status", "Status")).Append("</th></tr></thead><tbody>");
        foreach (var session in page.Items)
        {
            var redFlag = session.HasRedFlag;
            html.Append(redFlag ? "<tr class=\"has-redflag\">" : "<tr>");
            html.Append("<td><a href=\"").Append(Html.E(Html.SessionUrl("/therapists/session", session.ChannelId, session.ConversationId))).Append("\">")
                .Append(Html.E(Html.Time(session.Started, zone))).Append("</a></td>");
            html.Append("<td>").Append(Html.E(session.Pseudonym)).Append("</td>");
            html.Append("<td>").Append(Html.E(session.ChannelId)).Append("</td>");
            html.Append("<td>").Append(Html.E(session.Culture)).Append("</td>");
            html.Append("<td>").Append(Html.E(Locations(session.Locations, texts))).Append("</td>");
            html.Append("<td>").Append(Html.UrgencyBadge(session.Urgency)).Append("</td>");
            html.Append("<td>").Append(Html.E(Routes(session.Routes, texts))).Append("</td>");
            html.Append("<td>").Append(redFlag ? $"<span class=\"redflag\" title=\"{Html.E(string.Join(", ", session.RedFlags))}\">⚑ {Html.E(string.Join(", ", session.RedFlags.Select(f => RedFlag(f, texts))))}</span>" : "").Append("</td>");
            html.Append("<td>").Append(Html.E(string.Join(", ", (session.State.Outcome?.Contraindications ?? []).Select(c => Contraindication(c, texts))))).Append("</td>");
            html.Append("<td>").Append(Status(session.Status)).Append("</td></tr>");
        }

        html.Append("</tbody></table><p class=\"actions\">");
        if (filter.Page > 1)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(Html.E(filter.QueryString(filter.Page - 1))).Append("\">").Append(Html.T("Vorige", "Previous")).Append("</a>");
        }

        if (filter.Page * pageSize < page.Total)
        {
            html.Append("<a rel=\"next\" href=\"").Append(Html.E(filter.QueryString(filter.Page + 1))).Append("\">").Append(Html.T("Volgende", "Next")).Append("</a>");
        }

        html.Append("</p>");
        return TherapistLayout.Page("Sessies", html.ToString(), userName, token);
    }

    public static string Detail(SessionRecord session, IReadOnlyList<JsonElement> transcript, DialogSet dialogs, TimeZoneInfo zone, string userName, string token, bool print)
    {
        var state = session.State;
        var outcome = state.Outcome;
        var culture = session.Culture;
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.T("Sessie", "Session")).Append(' ').Append(Html.E(session.Pseudonym)).Append("</h1>");
        if (!print)
        {
            var key = (session.ChannelId, session.ConversationId);
            html.Append("<p class=\"actions\">");
            html.Append(Link("/therapists/session/export/json", key, Html.T("JSON", "JSON")));
            html.Append(Link("/therapists/session/export/transcript", key, Html.T("Transcript (.transcript)", "Transcript")));
            html.Append(Link("/therapists/session/export/fhir", key, Html.T("FHIR QuestionnaireResponse", "FHIR")));
            html.Append("<a href=\"/therapists/questionnaire\">FHIR Questionnaire</a>");
            html.Append(Link("/therapists/session/print", key, Html.T("Afdrukken / PDF", "Print / PDF")));
            html.Append("</p>");
        }

        html.Append("<table class=\"summary\"><tbody>");
        Row(html, Html.T("Gesprek", "Conversation"), Html.E($"{session.ChannelId} / {session.ConversationId}"));
        Row(html, Html.T("Taal", "Language"), Html.E(culture));
        if (state.OnBehalf)
        {
            Row(html, Html.T("Ingevuld door", "Answered by"), Html.T("iemand anders, namens wie de klachten heeft", "someone else, on behalf of the person with the complaint"));
        }

        Row(html, Html.T("Toestemming", "Consent"), Html.E(Html.Time(session.ConsentedAt, zone)));
        Row(html, Html.T("Laatst bijgewerkt", "Last updated"), Html.E(Html.Time(session.Updated, zone)));
        Row(html, Html.T("Status", "Status"), Status(session.Status));
        Row(html, Html.T("Urgentie", "Urgency"), Html.UrgencyBadge(session.Urgency));
        Row(html, Html.T("Routes", "Routes"), Html.E(Routes(session.Routes, dialogs.Texts)));
        Row(html, Html.T("Massagevorm", "Massage type"), Html.E(string.Join(", ", (outcome?.MassageTypes ?? []).Select(m => MassageName(m, dialogs.Texts)))));
        Row(html, Html.T("Locaties", "Locations"), Html.E(Locations(session.Locations, dialogs.Texts)));
        html.Append("</tbody></table>");

        html.Append("<h2>").Append(Html.T("Rode vlaggen", "Red flags")).Append("</h2>");
        var flags = RedFlags.Evidence(dialogs.Flow, state.Answers).ToList();
        var flagCodes = flags.Select(f => f.Code).Concat(session.RedFlags).Distinct(StringComparer.Ordinal).ToList();
        if (flagCodes.Count == 0)
        {
            html.Append("<p>").Append(Html.T("Geen gemeld.", "None reported.")).Append("</p>");
        }
        else
        {
            html.Append("<ul class=\"redflags\">");
            foreach (var code in flagCodes)
            {
                var words = flags.Where(f => f.Code == code).Select(f => f.Answer.Evidence)
                    .Concat(outcome?.Reasons.Where(r => r.Rule.Contains(code, StringComparison.Ordinal)).SelectMany(r => r.Evidence) ?? [])
                    .Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);
                html.Append("<li class=\"redflag\" title=\"").Append(Html.E(code)).Append("\">⚑ ").Append(Html.E(RedFlag(code, dialogs.Texts)));
                foreach (var word in words)
                {
                    html.Append(" <mark>").Append(Html.E(word)).Append("</mark>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>").Append(Html.T("Route en redenen", "Route and reasons")).Append("</h2><ul>");
        foreach (var reason in outcome?.Reasons ?? [])
        {
            html.Append("<li title=\"").Append(Html.E(reason.Rule)).Append("\">").Append(Html.E(reason.Text));
            foreach (var word in reason.Evidence)
            {
                html.Append(" <mark>").Append(Html.E(word)).Append("</mark>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");

        html.Append("<h2>").Append(Html.T("Contra-indicaties", "Contraindications")).Append("</h2>");
        var contraindications = outcome?.Contraindications ?? [];
        var blocking = (outcome?.Reasons ?? []).Select(r => (Reason: r, Rule: dialogs.Rules.FirstOrDefault(x => x.Id == r.Rule)))
            .Where(x => x.Rule is { Blocks.IsEmpty: false }).ToList();
        if (contraindications.Count == 0 && blocking.Count == 0)
        {
            html.Append("<p>").Append(Html.T("Geen vastgesteld.", "None found.")).Append("</p>");
        }
        else
        {
            html.Append("<ul class=\"contraindications\">");
            foreach (var code in contraindications)
            {
                // By name, with the massage types it rules out and the person's words that reported it.
                var rule = dialogs.Contraindications.FirstOrDefault(c => c.Code == code);
                html.Append("<li title=\"").Append(Html.E(code)).Append("\">").Append(Html.E(Contraindication(code, dialogs.Texts)));
                if (rule is { RulesOut.IsEmpty: false })
                {
                    html.Append(" — ").Append(Html.T("geen", "no")).Append(' ').Append(Html.E(string.Join(", ", rule.RulesOut.Select(m => MassageName(m, dialogs.Texts)))));
                }

                foreach (var word in ContraindicationWords(code, rule, dialogs.Flow, state.Answers, flags))
                {
                    html.Append(" <mark>").Append(Html.E(word)).Append("</mark>");
                }

                html.Append("</li>");
            }

            foreach (var (reason, rule) in blocking)
            {
                html.Append("<li title=\"").Append(Html.E(rule!.Id)).Append("\">").Append(Html.T("Niet naar:", "Not to:")).Append(' ').Append(Html.E(Routes(rule.Blocks, dialogs.Texts))).Append(" — ").Append(Html.E(reason.Text)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<h2>").Append(Html.T("Scores", "Scores")).Append("</h2>");
        var scores = state.Answers.Where(a => a.Value.Kind is AnswerKind.Scale or AnswerKind.Number && a.Value.Number is not null).ToList();
        if (scores.Count == 0)
        {
            html.Append("<p>").Append(Html.T("Geen.", "None.")).Append("</p>");
        }
        else
        {
            html.Append("<ul>");
            foreach (var (id, answer) in scores)
            {
                html.Append("<li>").Append(Html.E(id)).Append(": ").Append(Html.E(answer.Number!.Value.ToString(CultureInfo.InvariantCulture))).Append("</li>");
            }

            foreach (var group in new[] { "phq", "gad" })
            {
                var items = scores.Where(s => s.Key.StartsWith(group, StringComparison.OrdinalIgnoreCase)).ToList();
                if (items.Count > 0)
                {
                    var sum = items.Sum(s => s.Value.Number!.Value);
                    html.Append("<li><strong>").Append(Html.E(group.ToUpperInvariant())).Append("-2: ").Append(Html.E(sum.ToString(CultureInfo.InvariantCulture)))
                        .Append(sum >= 3 ? " (positief / positive)" : "").Append("</strong></li>");
                }
            }

            html.Append("</ul>");
        }

        html.Append("<h2>").Append(Html.T("Antwoorden", "Answers")).Append("</h2><table><thead><tr><th>").Append(Html.T("Vraag", "Question"))
            .Append("</th><th>").Append(Html.T("Antwoord", "Answer")).Append("</th><th>").Append(Html.T("Eigen woorden", "Own words")).Append("</th></tr></thead><tbody>");
        // In the order the flow asks them, as the conversation went; answers no question asked (red flags mentioned in
        // passing) come last.
        var order = dialogs.Flow.States.Select((s, i) => (s.Id, i)).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var (id, answer) in state.Answers.OrderBy(a => order.GetValueOrDefault(a.Key, int.MaxValue)).ThenBy(a => a.Key, StringComparer.Ordinal))
        {
            var asked = dialogs.Flow.TryGet(id, out var dialogState) ? dialogState : null;
            var question = asked is not null ? Html.E(asked.Question.Get(culture))
                : RedFlags.TryGetExtraCode(id, out var flag) ? Html.T(
                    "Rode vlag genoemd: " + dialogs.Texts.GetOr(TextCatalog.RedFlagNameKey(flag), Cultures.Dutch, flag),
                    "Red flag mentioned: " + dialogs.Texts.GetOr(TextCatalog.RedFlagNameKey(flag), Cultures.English, flag))
                : Html.E(id);
            Row(html, question, Html.E(Describe(answer, asked, dialogs.Texts)), Html.E(answer.Evidence));
        }

        html.Append("</tbody></table>");

        html.Append("<h2>").Append(Html.T("Gesprek", "Conversation")).Append("</h2><div class=\"chat\">");
        foreach (var activity in transcript)
        {
            if (Str(activity, "type") != "message")
            {
                continue;
            }

            var role = activity.TryGetProperty("from", out var from) && Str(from, "role") == "bot" ? "bot" : "user";
            var time = DateTimeOffset.TryParse(Str(activity, "timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? Html.Time(t, zone) : "";
            html.Append("<div class=\"bubble ").Append(role).Append("\">").Append(Html.E(MessageText(activity)))
                .Append("<time>").Append(Html.E(time)).Append("</time></div>");
        }

        html.Append("</div>");

        html.Append("<h2>").Append(Html.T("Pad door de flow", "Path through the flow")).Append("</h2>").Append(FlowPath.Render(dialogs, state));

        if (!print)
        {
            html.Append("<form method=\"post\" action=\"/therapists/session/delete\" class=\"no-print\">").Append(TherapistLayout.AntiforgeryField(token))
                .Append("<input type=\"hidden\" name=\"channel\" value=\"").Append(Html.E(session.ChannelId)).Append("\">")
                .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(Html.E(session.ConversationId)).Append("\">")
                .Append("<button type=\"submit\">").Append(Html.T("Deze sessie verwijderen", "Delete this session")).Append("</button></form>");
        }

        return TherapistLayout.Page("Sessie " + session.Pseudonym, html.ToString(), print ? null : userName, token);
    }

    public static string Admin(TherapistOptions therapists, PrivacyOptions privacy, IReadOnlyList<AuditEntry> audit, TimeZoneInfo zone, string userName, string token)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.T("Beheer", "Admin")).Append("</h1><h2>").Append(Html.T("Accounts", "Accounts")).Append("</h2><table><tbody>");
        foreach (var account in therapists.Accounts)
        {
            Row(html, Html.E(account.UserName), Html.E(string.Join(", ", account.Roles)));
        }

        html.Append("</tbody></table><p>").Append(Html.T(
            "Accounts staan in de instellingen (Therapists:Accounts); een wachtwoord-hash maak je met 'bottriage hash-password'.",
            "Accounts live in the settings (Therapists:Accounts); make a password hash with 'bottriage hash-password'.")).Append("</p>");
        html.Append("<h2>").Append(Html.T("Instellingen", "Settings")).Append("</h2><table><tbody>");
        Row(html, "Privacy:RetentionDays", Html.E(privacy.RetentionDays.ToString(CultureInfo.InvariantCulture)));
        Row(html, "Therapists:MaxFailedAttempts", Html.E(therapists.MaxFailedAttempts.ToString(CultureInfo.InvariantCulture)));
        Row(html, "Therapists:LockoutMinutes", Html.E(therapists.LockoutMinutes.ToString(CultureInfo.InvariantCulture)));
        Row(html, "Therapists:LoginAttemptsPerMinute", Html.E(therapists.LoginAttemptsPerMinute.ToString(CultureInfo.InvariantCulture)));
        html.Append("</tbody></table><h2>").Append(Html.T("Audit", "Audit")).Append("</h2><table class=\"audit\"><thead><tr><th>")
            .Append(Html.T("Wanneer", "When")).Append("</th><th>").Append(Html.T("Wie", "Who")).Append("</th><th>").Append(Html.T("Wat", "What"))
            .Append("</th><th>").Append(Html.T("Sessie", "Session")).Append("</th></tr></thead><tbody>");
        foreach (var entry in audit)
        {
            Row(html, Html.E(Html.Time(entry.Time, zone)), Html.E(entry.Actor), Html.E(entry.Action), Html.E(entry.ConversationId is null ? "" : $"{entry.ChannelId} / {entry.ConversationId}"));
        }

        html.Append("</tbody></table>");
        return TherapistLayout.Page("Beheer", html.ToString(), userName, token);
    }

    private static string Describe(Answer answer, DialogState? question, TextCatalog texts) => answer.Kind switch
    {
        AnswerKind.YesNo => answer.YesNo switch { YesNo.Yes => "ja / yes", YesNo.No => "nee / no", _ => "weet niet / don't know" },
        AnswerKind.Choice => question?.Choices.FirstOrDefault(c => c.Code == answer.Choice) is { } choice
            ? Both(choice.Label.Get)
            : answer.Choice ?? "",
        AnswerKind.Number or AnswerKind.Scale => answer.Number?.ToString(CultureInfo.InvariantCulture) ?? "",
        AnswerKind.Duration => answer.Seconds is { } s
            ? $"{DurationText.Format(s, answer.Approximate, Cultures.Dutch, texts)} / {DurationText.Format(s, answer.Approximate, Cultures.English, texts)}"
            : answer.YesNo == YesNo.Unknown ? "weet niet / don't know" : "",
        AnswerKind.BodyLocation => Locations(answer.Locations, texts),
        _ => answer.Text ?? "",
    };

    // What the person said that reported a contraindication: the yes to its question, or a red flag that reports it.
    private static IEnumerable<string> ContraindicationWords(string code, ContraindicationRule? rule, FlowDefinition flow, ImmutableSortedDictionary<string, Answer> answers, IEnumerable<(string Code, Answer Answer)> flags) =>
        flow.States.Where(s => s.Contraindication == code).Select(s => answers.GetValueOrDefault(s.Id)).OfType<Answer>().Where(a => a.YesNo == YesNo.Yes)
            .Concat(flags.Where(f => rule?.RedFlags.Contains(f.Code) == true).Select(f => f.Answer))
            .Select(a => a.Evidence).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal);

    // Body locations by name in both languages: "knie (links) / knee (left), onderrug / lower back".
    private static string Locations(IEnumerable<BodyLocation> locations, TextCatalog texts) =>
        string.Join(", ", locations.Select(l => Both(c => texts.Location(l, c))));

    // Routes by their short names in both languages: "huisarts / GP, fysiotherapeut / physiotherapist".
    private static string Routes(IEnumerable<string> routes, TextCatalog texts) => string.Join(", ", routes.Select(r => RouteName(r, texts)));

    private static string RouteName(string code, TextCatalog texts) => Both(c => texts.GetOr(TextCatalog.RouteNameKey(code), c, code));

    // A red flag by name in both languages: "koorts / fever"; its code in the element's title.
    private static string RedFlag(string code, TextCatalog texts) => Both(c => texts.GetOr(TextCatalog.RedFlagNameKey(code), c, code));

    // A massage type by name in both languages: "fasciatherapie (fascia release) / fascia release".
    private static string MassageName(string code, TextCatalog texts) => Both(c => texts.GetOr(TextCatalog.MassageKey(code), c, code));

    // A massage contraindication by name in both languages: "bloedverdunners / blood thinners".
    private static string Contraindication(string code, TextCatalog texts) => Both(c => texts.GetOr(TextCatalog.ContraindicationNameKey(code), c, code));

    // A name in Dutch and English, once when the two are the same.
    private static string Both(Func<string, string> name) => (name(Cultures.Dutch), name(Cultures.English)) switch
    {
        var (nl, en) when nl == en => nl,
        var (nl, en) => $"{nl} / {en}",
    };

    private static string Status(SessionStatus status) => status switch
    {
        SessionStatus.Completed => $"<span class=\"status completed\">{Html.T("afgerond", "completed")}</span>",
        SessionStatus.Emergency => $"<span class=\"status emergency redflag\">{Html.T("noodgeval", "emergency")}</span>",
        _ => $"<span class=\"status abandoned\">{Html.T("afgebroken", "abandoned")}</span>",
    };

    private static string Link(string path, (string Channel, string Id) key, string label) =>
        $"<a href=\"{Html.E(Html.SessionUrl(path, key.Channel, key.Id))}\">{label}</a>";

    private static void Row(StringBuilder html, params string[] cells)
    {
        html.Append("<tr>");
        for (var i = 0; i < cells.Length; i++)
        {
            html.Append(i == 0 ? "<th>" : "<td>").Append(cells[i]).Append(i == 0 ? "</th>" : "</td>");
        }

        html.Append("</tr>");
    }

    private static string Select(string name, string label, IEnumerable<string> options, string? selected, Func<string, string>? shown = null)
    {
        var html = new StringBuilder($"<label>{label}<select name=\"{name}\"><option value=\"\">—</option>");
        foreach (var option in options)
        {
            html.Append("<option value=\"").Append(Html.E(option)).Append('"').Append(option == selected ? " selected" : "").Append('>')
                .Append(Html.E(shown is null ? option : shown(option))).Append("</option>");
        }

        return html.Append("</select></label>").ToString();
    }

    private static string Input(string name, string label, string? value, string type) =>
        $"<label>{label}<input type=\"{type}\" name=\"{name}\" value=\"{Html.E(value)}\"></label>";

    /// <summary>
    /// What a message said: its text, or for a card button pressed in Teams without any text, the choice the button
    /// sent in its data.
    /// </summary>
    private static string MessageText(JsonElement activity)
    {
        var text = Str(activity, "text");
        return text.Length == 0 && activity.TryGetProperty("value", out var value) && SubmittedAnswer.Choice(value) is { } choice ? choice : text;
    }

    private static string Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}

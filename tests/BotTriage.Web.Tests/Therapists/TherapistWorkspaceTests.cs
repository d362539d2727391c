using System.Collections.Immutable;
using System.Net;
using System.Text.Json;
using BotTriage.Bot.Privacy;
using BotTriage.Bot.Sessions;
using BotTriage.Bot.State;
using BotTriage.Bot.Storage;
using BotTriage.Bot.Transcripts;
using BotTriage.Core.Dialogs;
using BotTriage.Core.Triage;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Therapists;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>The workspace over HTTP on the real host: login, roles, the list, the detail, exports, deletion and retention.</summary>
public sealed class TherapistWorkspaceTests : IDisposable
{
    private const string Xss = "<script>alert('x')</script><b>vet</b>";

    private readonly BotTriageFactory _factory = WorkspaceClient.CreateFactory();
    private readonly HttpClient _browser;

    public TherapistWorkspaceTests() => _browser = _factory.CreateBrowser();

    public void Dispose()
    {
        _browser.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("/therapists")]
    [InlineData("/therapists/session?channel=webchat&id=conv-1")]
    [InlineData("/therapists/session/export/fhir?channel=webchat&id=conv-1")]
    [InlineData("/therapists/admin")]
    public async Task RedirectsAnonymousVisitorsToTheLogin(string path)
    {
        using var response = await _browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/therapists/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAWrongPasswordAndStaysLoggedOut()
    {
        using var response = await _browser.LoginAsync("anna", "fout");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Gebruikersnaam of wachtwoord klopt niet.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var list = await _browser.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
    }

    [Fact]
    public async Task LocksTheAccountAfterRepeatedFailuresEvenForTheRightPassword()
    {
        for (var i = 0; i < 3; i++)
        {
            using var failed = await _browser.LoginAsync("anna", "fout" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await _browser.LoginAsync("anna", WorkspaceClient.TherapistPassword);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Contains("tijdelijk geblokkeerd", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectsFormsWithoutTheAntiforgeryToken()
    {
        _ = await _browser.TokenAsync("/therapists/login");

        using var login = await _browser.PostFormAsync("/therapists/login", null, ("userName", "anna"), ("password", WorkspaceClient.TherapistPassword));

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        await LoginAsTherapistAsync();
        await ChatAsync("conv-delete", "pijn in mijn nek");
        using var delete = await _browser.PostFormAsync("/therapists/session/delete", "forged", ("channel", "webchat"), ("id", "conv-delete"));
        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.NotNull(await Sessions.GetAsync("webchat", "conv-delete", CancellationToken.None));
    }

    [Fact]
    public async Task SetsSecureHttpOnlyStrictCookies()
    {
        using var response = await _browser.LoginAsync("anna", WorkspaceClient.TherapistPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TherapistWorkspace.CookieName, StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATherapistSeesTheListAndTheDetailWithUserTextAsText()
    {
        await ChatAsync("conv-xss", Xss);
        await LoginAsTherapistAsync();

        var list = await _browser.GetStringAsync("/therapists");
        var detail = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-xss");

        Assert.Contains("/therapists/session?channel=webchat&amp;id=conv-xss", list, StringComparison.Ordinal);
        Assert.Contains("urgency-t3", list, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;vet&lt;/b&gt;", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>vet", detail, StringComparison.Ordinal);
        Assert.Contains("class=\"bubble user\"", detail, StringComparison.Ordinal);
        Assert.Contains("class=\"bubble bot\"", detail, StringComparison.Ordinal);
        Assert.Contains("Mijn advies: Neem binnen 24 uur contact op met de huisarts", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminWithoutTheTherapistRoleCannotReadSessionsButSeesTheAudit()
    {
        await ChatAsync("conv-admin", "pijn in mijn onderrug");
        await LoginAsTherapistAsync();
        _ = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-admin");
        using var admin = _factory.CreateBrowser();
        using var login = await admin.LoginAsync("beheer", WorkspaceClient.AdminPassword);

        using var list = await admin.GetAsync("/therapists");
        using var detail = await admin.GetAsync("/therapists/session?channel=webchat&id=conv-admin");
        using var export = await admin.GetAsync("/therapists/session/export/json?channel=webchat&id=conv-admin");
        var audit = await admin.GetStringAsync("/therapists/admin");

        Assert.Equal("/therapists/admin", login.Headers.Location!.ToString());
        foreach (var response in new[] { list, detail, export })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/therapists/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        Assert.Contains("<td>anna</td><td>view</td><td>webchat / conv-admin</td>", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("pijn in mijn onderrug", audit, StringComparison.Ordinal);
        using var therapistOnAdmin = await _browser.GetAsync("/therapists/admin");
        Assert.Equal(HttpStatusCode.Redirect, therapistOnAdmin.StatusCode);
    }

    [Fact]
    public async Task FiltersTheListAndHighlightsRedFlagsWithTheTriggeringWords()
    {
        await ChatAsync("conv-plain", "stijve kuiten");
        await Sessions.UpsertAsync(RedFlagSession("conv-red"), CancellationToken.None);
        await LoginAsTherapistAsync();

        var flagged = await _browser.GetStringAsync("/therapists?redflag=yes");
        var byId = await _browser.GetStringAsync("/therapists?q=plain");
        var detail = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-red");
        using var bad = await _browser.GetAsync("/therapists?from=gisteren&urgency=T2");

        Assert.Contains("conv-red", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("conv-plain", flagged, StringComparison.Ordinal);
        Assert.Contains("has-redflag", flagged, StringComparison.Ordinal);
        Assert.Contains("urgency-t2", flagged, StringComparison.Ordinal);
        Assert.Contains("conv-plain", byId, StringComparison.Ordinal);
        Assert.DoesNotContain("conv-red", byId, StringComparison.Ordinal);
        Assert.Contains("<li class=\"redflag\" title=\"fever\">⚑ koorts of je erg ziek voelen / fever or feeling very ill <mark>koorts &amp; rillingen</mark></li>", detail, StringComparison.Ordinal);
        Assert.Contains("<span class=\"redflag\" title=\"fever\">⚑ koorts of je erg ziek voelen / fever or feeling very ill</span>", flagged, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("JJJJ-MM-DD", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"gisteren\"", badHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDetailListsTheAnswersInTheOrderTheyWereAskedInWords()
    {
        var flow = _factory.Get<DialogSet>().Flow;
        var record = RedFlagSession("conv-order");
        var answers = ImmutableSortedDictionary<string, Answer>.Empty
            .Add("phq-interest", new Answer { Kind = AnswerKind.Choice, Choice = "not-at-all", Evidence = "nooit" })
            .Add("bother", new Answer { Kind = AnswerKind.Choice, Choice = "a-little", Evidence = "niet zo erg" })
            .Add("redflag.fever", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "koorts" })
            .Add("location", new Answer { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation("calf", BodySide.Both)], Evidence = "kuiten" })
            .Add("emergency-screen", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.No, Evidence = "nee" })
            .Add("duration", new Answer { Kind = AnswerKind.Duration, Seconds = 1_814_400, Evidence = "al 3 weken" });
        await Sessions.UpsertAsync(record with { State = record.State with { Answers = answers } }, CancellationToken.None);
        await LoginAsTherapistAsync();

        var detail = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-order");

        string[] inFlowOrder = ["emergency-screen", "location", "duration", "bother", "phq-interest"];
        var asked = inFlowOrder.Select(id => System.Net.WebUtility.HtmlEncode(flow[id].Question.Nl).Replace("&#39;", "&#x27;", StringComparison.Ordinal));
        var positions = asked.Select(q => detail.IndexOf(q, StringComparison.Ordinal)).Append(detail.IndexOf("<th>Rode vlag genoemd: koorts of je erg ziek voelen <span class=\"en\" lang=\"en\">Red flag mentioned: fever or feeling very ill</span></th>", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("<td>een beetje / a little</td>", detail, StringComparison.Ordinal);
        Assert.Contains("<td>helemaal niet / not at all</td>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>a-little</td>", detail, StringComparison.Ordinal);
        Assert.Contains("<td>3 weken / 3 weeks</td>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacesRoutesAndMassageTypesAreNamedInBothLanguages()
    {
        var record = RedFlagSession("conv-places");
        var answers = record.State.Answers
            .SetItem("location", new Answer { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation("calf", BodySide.Both), new BodyLocation("lower-back")], Evidence = "kuiten en rug" });
        var outcome = record.State.Outcome! with { Routes = ["gp", "massage"], MassageTypes = ["fascia-release"] };
        await Sessions.UpsertAsync(record with { State = record.State with { Answers = answers, Outcome = outcome } }, CancellationToken.None);
        await LoginAsTherapistAsync();

        var list = await _browser.GetStringAsync("/therapists?q=conv-places");
        var detail = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-places");

        const string Places = "<td>kuit (beide kanten) / calf (both sides), onderrug / lower back</td>";
        const string Routes = "<td>huisarts / GP, massage</td>";
        Assert.Contains(Places, list, StringComparison.Ordinal);
        Assert.Contains(Routes, list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"physio\">fysiotherapeut / physiotherapist</option>", list, StringComparison.Ordinal);
        Assert.Equal(2, detail.Split(Places).Length - 1);
        Assert.Contains(Routes, detail, StringComparison.Ordinal);
        Assert.Contains("<td>fasciatherapie (fascia release) / fascia release</td>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("lower-back", detail, StringComparison.Ordinal);

        var filtered = await _browser.GetStringAsync("/therapists?route=massage&q=conv-places");
        Assert.Contains("<option value=\"massage\" selected>massage</option>", filtered, StringComparison.Ordinal);
        Assert.Contains(Places, filtered, StringComparison.Ordinal);
    }

    // A triage answered on someone else's behalf says so, so the therapist knows who told it.
    [Fact]
    public async Task ATriageAnsweredOnSomeonesBehalfSaysSo()
    {
        var record = RedFlagSession("conv-behalf");
        await Sessions.UpsertAsync(record with { State = record.State with { OnBehalf = true } }, CancellationToken.None);
        await Sessions.UpsertAsync(RedFlagSession("conv-own"), CancellationToken.None);
        await LoginAsTherapistAsync();

        var behalf = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-behalf");
        var own = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-own");

        const string Row = "<th>Ingevuld door";
        Assert.Contains(Row, behalf, StringComparison.Ordinal);
        Assert.Contains("iemand anders, namens wie de klachten heeft", behalf, StringComparison.Ordinal);
        Assert.DoesNotContain(Row, own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContraindicationsAreNamedWithWhatTheyRuleOutAndThePersonsWords()
    {
        var record = RedFlagSession("conv-contra");
        var answers = record.State.Answers
            .SetItem("ci-blood-thinners", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "ik gebruik <b>bloedverdunners</b>" });
        var outcome = record.State.Outcome! with { Contraindications = ["blood-thinners", "fever"] };
        await Sessions.UpsertAsync(record with { State = record.State with { Answers = answers, Outcome = outcome } }, CancellationToken.None);
        await LoginAsTherapistAsync();

        var detail = await _browser.GetStringAsync("/therapists/session?channel=webchat&id=conv-contra");
        var list = await _browser.GetStringAsync("/therapists?q=conv-contra");

        Assert.Contains("<td>bloedverdunners / blood thinners, koorts / fever</td>", list, StringComparison.Ordinal);

        Assert.Contains(
            "<li title=\"blood-thinners\">bloedverdunners / blood thinners — geen <span class=\"en\" lang=\"en\">no</span> deep tissue massage, "
            + "fasciatherapie (fascia release) / fascia release, hardloop- en sportmassage voor de benen / runners&#x27; legs massage "
            + "<mark>ik gebruik &lt;b&gt;bloedverdunners&lt;/b&gt;</mark></li>",
            detail,
            StringComparison.Ordinal);
        Assert.Contains("<li title=\"fever\">koorts / fever — geen", detail, StringComparison.Ordinal);
        Assert.Contains("ontspanningsmassage / relaxation massage, oncologische massage / oncology massage <mark>koorts &amp; rillingen</mark></li>", detail, StringComparison.Ordinal);
        Assert.Contains("<li title=\"fever\">Koorts: eerst naar de huisarts. <mark>koorts &amp; rillingen</mark></li>", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportsJsonAndTheBotFrameworkTranscript()
    {
        await ChatAsync("conv-export", "pijn in mijn onderrug");
        await LoginAsTherapistAsync();

        using var json = await _browser.GetAsync("/therapists/session/export/json?channel=webchat&id=conv-export");
        using var transcript = await _browser.GetAsync("/therapists/session/export/transcript?channel=webchat&id=conv-export");

        var body = JsonElement.Parse(await json.Content.ReadAsStringAsync());
        Assert.Equal("T3", body.GetProperty("outcome").GetProperty("urgency").GetString());
        Assert.Equal("pijn in mijn onderrug", body.GetProperty("answers").GetProperty("complaint").GetProperty("text").GetString());
        Assert.Equal("completed", body.GetProperty("status").GetString());
        Assert.EndsWith(".transcript", transcript.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        var activities = await TranscriptFile.ReadAsync(await transcript.Content.ReadAsStreamAsync(), CancellationToken.None);
        Assert.Contains(activities, a => a.GetProperty("type").GetString() == "message" && a.GetProperty("text").GetString() == "pijn in mijn onderrug");
        Assert.All(activities, a => Assert.True(a.TryGetProperty("from", out var from) && from.TryGetProperty("role", out _)));
        var audit = await _factory.Get<IAuditLog>().ListAsync(0, 10, CancellationToken.None);
        Assert.Contains(audit, e => e is { Actor: "anna", Action: "export-json", ConversationId: "conv-export" });
        Assert.Contains(audit, e => e is { Actor: "anna", Action: "export-transcript", ConversationId: "conv-export" });
    }

    [Fact]
    public async Task ExportsAFhirQuestionnaireResponseWithTheRequiredElements()
    {
        var flow = _factory.Get<DialogSet>().Flow;
        await Sessions.UpsertAsync(RedFlagSession("conv-fhir"), CancellationToken.None);
        await LoginAsTherapistAsync();

        var questionnaire = JsonElement.Parse(await _browser.GetStringAsync("/therapists/questionnaire"));
        using var response = await _browser.GetAsync("/therapists/session/export/fhir?channel=webchat&id=conv-fhir");
        var resource = JsonElement.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Questionnaire", questionnaire.GetProperty("resourceType").GetString());
        var itemTypes = questionnaire.GetProperty("item").EnumerateArray().ToDictionary(i => i.GetProperty("linkId").GetString()!, i => i.GetProperty("type").GetString()!);
        Assert.Equal(flow.States.Count(s => !s.IsOutcome), itemTypes.Count);
        FhirAssert.ValidQuestionnaireResponse(resource, questionnaire.GetProperty("url").GetString()!, itemTypes);
        Assert.Equal("completed", resource.GetProperty("status").GetString());
        Assert.True(resource.GetProperty("item").GetArrayLength() >= 2);
    }

    [Fact]
    public async Task ATherapistDeletesASessionFromStorage()
    {
        await ChatAsync("conv-gone", "zeurende pijn in mijn heup");
        await LoginAsTherapistAsync();
        var token = await _browser.TokenAsync("/therapists/session?channel=webchat&id=conv-gone");

        using var response = await _browser.PostFormAsync("/therapists/session/delete", token, ("channel", "webchat"), ("id", "conv-gone"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("De sessie is verwijderd.", await _browser.GetStringAsync(response.Headers.Location!.ToString()), StringComparison.Ordinal);
        Assert.Null(await Sessions.GetAsync("webchat", "conv-gone", CancellationToken.None));
        Assert.Null(await _factory.Get<ConversationStateStore>().LoadAsync("webchat", "conv-gone", CancellationToken.None));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "zeurende pijn"));
    }

    [Fact]
    public async Task ErasureInTheChatRemovesTheSessionFromStorage()
    {
        await ChatAsync("conv-erase", "zeurende pijn in mijn schouder");

        var replies = await _browser.ExchangeAsync("wis", "conv-erase");

        Assert.Equal("Je gegevens zijn verwijderd.", replies.Texts()[0]);
        Assert.Null(await Sessions.GetAsync("webchat", "conv-erase", CancellationToken.None));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "conv-erase"));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "zeurende pijn"));
    }

    [Fact]
    public async Task RetentionRemovesOldSessionsAndTheirStateFromStorage()
    {
        var old = RedFlagSession("conv-old") with { Updated = DateTimeOffset.UtcNow.AddDays(-91) };
        await Sessions.UpsertAsync(old, CancellationToken.None);
        await _factory.Get<IStorage>().WriteAsync(
            new Dictionary<string, StoreItem> { [ConversationKeys.Conversation("webchat", "conv-old")] = new(JsonSerializer.SerializeToElement(old.State, Bot.Schema.BotJsonContext.Default.TriageState)) },
            CancellationToken.None);
        await ChatAsync("conv-new", "pijn in mijn onderrug");

        var result = await _factory.Get<RetentionSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, result.Sessions);
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "conv-old"));
        Assert.Empty(await SqliteFile.FindAsync(_factory.DatabasePath, "koorts"));
        Assert.NotNull(await Sessions.GetAsync("webchat", "conv-new", CancellationToken.None));
    }

    private ISessionStore Sessions => _factory.Get<ISessionStore>();

    private async Task LoginAsTherapistAsync()
    {
        using var response = await _browser.LoginAsync("anna", WorkspaceClient.TherapistPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A consented scripted triage to its result (pain 9: T3, GP).</summary>
    private async Task ChatAsync(string conversationId, string complaint)
    {
        foreach (var text in new[] { "hoi", "ja", complaint, "9" })
        {
            await _browser.ExchangeAsync(text, conversationId);
        }
    }

    /// <summary>A completed session with a red flag, answering the first yes/no and the first other question of the loaded flow.</summary>
    private SessionRecord RedFlagSession(string conversationId)
    {
        var flow = _factory.Get<DialogSet>().Flow;
        var yesNo = flow.States.First(s => s.Kind == AnswerKind.YesNo && !s.IsOutcome);
        var answers = ImmutableSortedDictionary<string, Answer>.Empty
            .Add(yesNo.Id, new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "ja" })
            .Add("redflag.fever", new Answer { Kind = AnswerKind.YesNo, YesNo = YesNo.Yes, Evidence = "koorts & rillingen" });
        var other = flow.States.FirstOrDefault(s => s.Kind == AnswerKind.BodyLocation && !s.IsOutcome);
        if (other is not null)
        {
            answers = answers.Add(other.Id, new Answer { Kind = AnswerKind.BodyLocation, Locations = [new BodyLocation("lower-back", BodySide.Left)], Evidence = "links onderin mijn rug" });
        }

        var now = DateTimeOffset.UtcNow;
        return new SessionRecord
        {
            ChannelId = "webchat",
            ConversationId = conversationId,
            Pseudonym = "P-12345678",
            Started = now,
            ConsentedAt = now,
            Updated = now,
            State = new TriageState
            {
                Step = flow.States.First(s => s.IsOutcome).Id,
                Culture = "nl",
                Answers = answers,
                History = [yesNo.Id],
                Outcome = new TriageOutcome
                {
                    Urgency = "T2",
                    Routes = ["gp"],
                    RedFlags = ["fever"],
                    Completed = true,
                    Reasons = [new OutcomeReason("fever", "Koorts: eerst naar de huisarts.") { Evidence = ["koorts & rillingen"] }],
                },
            },
        };
    }
}

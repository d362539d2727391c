using System.Net;
using System.Text.RegularExpressions;
using BotTriage.Bot.Privacy;
using BotTriage.Web.Tests.Support;
using BotTriage.Web.Therapists;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>The host with two workspace accounts, and a browser-like client (cookies, no automatic redirects) over https.</summary>
public static partial class WorkspaceClient
{
    public const string TherapistPassword = "masseur-wachtwoord";
    public const string AdminPassword = "beheer-wachtwoord";

    // Hashing at 600,000 iterations takes a moment; every test host can share the same two hashes.
    private static readonly Lazy<(string Therapist, string Admin)> Hashes = new(() => (PasswordHasher.Hash(TherapistPassword), PasswordHasher.Hash(AdminPassword)));

    public static BotTriageFactory CreateFactory(params KeyValuePair<string, string?>[] extra) => CreateFactoryWithServices(null, extra);

    public static BotTriageFactory CreateFactoryWithServices(Action<IServiceCollection>? services, params KeyValuePair<string, string?>[] extra) => new()
    {
        TestServices = services,
        Settings = Settings(extra),
    };

    /// <summary>A host whose SQLite file is in <paramref name="dataDirectory"/>, which outlives it: a restart.</summary>
    public static BotTriageFactory CreateFactoryIn(string dataDirectory, params KeyValuePair<string, string?>[] extra) => new(dataDirectory)
    {
        Settings = Settings(extra),
    };

    private static KeyValuePair<string, string?>[] Settings(KeyValuePair<string, string?>[] extra) =>
    [
        new("Therapists:Accounts:0:UserName", "anna"),
        new("Therapists:Accounts:0:PasswordHash", Hashes.Value.Therapist),
        new("Therapists:Accounts:0:Roles:0", TherapistRoles.Therapist),
        new("Therapists:Accounts:1:UserName", "beheer"),
        new("Therapists:Accounts:1:PasswordHash", Hashes.Value.Admin),
        new("Therapists:Accounts:1:Roles:0", TherapistRoles.Admin),
        new("Therapists:MaxFailedAttempts", "3"),
        .. extra,
    ];

    /// <summary>A browser-like client of <paramref name="factory"/> whose cookies are <paramref name="cookies"/>, which other clients may share.</summary>
    public static HttpClient CreateBrowser(this BotTriageFactory factory, CookieContainer cookies) =>
        factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    public static HttpClient CreateBrowser(this BotTriageFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    /// <summary>The antiforgery token of the form on the page at <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenPattern().Match(html).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string? token, params (string Name, string Value)[] fields)
    {
        var values = fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
        if (token is not null)
        {
            values.Add(KeyValuePair.Create(TherapistWorkspace.AntiforgeryFieldName, WebUtility.HtmlDecode(token)));
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(path, content);
    }

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        await client.PostFormAsync("/therapists/login", await client.TokenAsync("/therapists/login"), ("userName", userName), ("password", password));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]*)\"")]
    private static partial Regex TokenPattern();
}

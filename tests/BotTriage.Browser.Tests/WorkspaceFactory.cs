using BotTriage.Bot.Privacy;
using BotTriage.Web.Therapists;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace BotTriage.Browser.Tests;

/// <summary>
/// The real host with one therapist account on a real loopback port (Kestrel), so a browser can log in to the
/// workspace; SQLite stores in a temporary folder.
/// </summary>
/// <remarks>
/// The workspace's cookies keep their production settings (Secure, HttpOnly, SameSite=Strict). On plain http the
/// browser still keeps Secure cookies for <c>localhost</c>, a secure context, but antiforgery refuses to issue a
/// token on a request that is not https. A deployed workspace is served over TLS; here a first middleware stands in
/// for it and marks the loopback requests as https, so the workspace runs with its production settings.
/// </remarks>
public sealed class WorkspaceFactory : WebApplicationFactory<Program>
{
    public const string UserName = "anna";
    public const string Password = "een lang wachtwoord voor de test";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("bottriage-workspace-").FullName;

    public WorkspaceFactory()
    {
        UseKestrel(0);
    }

    /// <summary>
    /// The workspace's address as <c>localhost</c> (a secure context, where the browser keeps Secure cookies), on the
    /// loopback port Kestrel listens on.
    /// </summary>
    public Uri BaseAddress => new UriBuilder(ClientOptions.BaseAddress) { Host = "localhost" }.Uri;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Storage:Provider", "sqlite");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_dataDirectory, "bottriage.db")}");
        builder.UseSetting("Therapists:Accounts:0:UserName", UserName);
        builder.UseSetting("Therapists:Accounts:0:PasswordHash", PasswordHasher.Hash(Password));
        builder.UseSetting("Therapists:Accounts:0:Roles:0", TherapistRoles.Therapist);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TlsEndsInFront>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A store that still holds its file open only leaves a temporary folder behind.
            }
        }
    }

    /// <summary>Marks loopback requests as https, standing in for the TLS a deployed workspace is served over.</summary>
    private sealed class TlsEndsInFront : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address))
                {
                    context.Request.Scheme = "https";
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

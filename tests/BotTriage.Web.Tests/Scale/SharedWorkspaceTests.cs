using System.Net;
using BotTriage.Bot.Security;
using BotTriage.Testing;
using BotTriage.Web.Hosting;
using BotTriage.Web.Tests.Therapists;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BotTriage.Web.Tests.Scale;

/// <summary>
/// The therapist workspace behind a load balancer without sticky sessions, and across a restart: the data-protection
/// keys that protect its cookies and the count of failed logins are kept in the database, so every instance opens what
/// another protected and counts what another counted.
/// </summary>
public sealed class SharedWorkspaceTests
{
    [Fact]
    public async Task AFormFromOneInstancePostsToTheOtherAndTheLoginCookieWorksOnBoth()
    {
        using var database = PostgresTestDatabase.Create();
        var settings = database.HostSettings;
        using var first = WorkspaceClient.CreateFactory(settings);
        using var second = WorkspaceClient.CreateFactory(settings);
        var cookies = new CookieContainer();
        using var toFirst = first.CreateBrowser(cookies);
        using var toSecond = second.CreateBrowser(cookies);

        // The login form and its antiforgery cookie come from one instance, the post lands on the other.
        var token = await toFirst.TokenAsync("/therapists/login");
        using var login = await toSecond.PostFormAsync("/therapists/login", token, ("userName", "anna"), ("password", WorkspaceClient.TherapistPassword));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // Signed in through the second, the therapist reads the list on both.
        using var onFirst = await toFirst.GetAsync("/therapists");
        using var onSecond = await toSecond.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.OK, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);

        foreach (var factory in new[] { first, second })
        {
            var repository = Assert.IsType<StoredKeyRing>(factory.Get<IOptions<KeyManagementOptions>>().Value.XmlRepository);
            Assert.IsType<PostgresKeyRingStore>(repository.Store);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM data_protection_keys WHERE xml LIKE '<key %'", connection);
        Assert.Equal(1L, await count.ExecuteScalarAsync());

        // Encrypted with the key both instances are configured with, which the database does not hold.
        var stored = Assert.Single(await database.ReadStringsAsync("SELECT xml FROM data_protection_keys"));
        Assert.Contains("encryptedKey", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedLoginsOnEitherInstanceLockTheAccountOnBoth()
    {
        using var database = PostgresTestDatabase.Create();
        var settings = database.HostSettings;
        using var first = WorkspaceClient.CreateFactory(settings);
        using var second = WorkspaceClient.CreateFactory(settings);
        using var toFirst = first.CreateBrowser();
        using var toSecond = second.CreateBrowser();

        // Three failures in a row lock a name (WorkspaceClient's MaxFailedAttempts); they land on both instances.
        foreach (var browser in new[] { toFirst, toSecond, toFirst })
        {
            using var failed = await browser.LoginAsync("anna", "fout");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await toSecond.LoginAsync("anna", WorkspaceClient.TherapistPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var refusedToo = await toFirst.LoginAsync("Anna", WorkspaceClient.TherapistPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedToo.StatusCode);

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var names = new NpgsqlCommand("SELECT count(*) FROM login_failures WHERE name LIKE '%anna%'", connection);
        Assert.Equal(0L, await names.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ATherapistStaysSignedInAcrossARestartOnTheSameSqliteFile()
    {
        using var directory = new TempDirectory();
        var cookies = new CookieContainer();
        using (var before = WorkspaceClient.CreateFactoryIn(directory.Path))
        {
            using var browser = before.CreateBrowser(cookies);
            using var login = await browser.PostFormAsync(
                "/therapists/login", await browser.TokenAsync("/therapists/login"), ("userName", "anna"), ("password", WorkspaceClient.TherapistPassword));
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.IsType<SqliteKeyRingStore>(Assert.IsType<StoredKeyRing>(before.Get<IOptions<KeyManagementOptions>>().Value.XmlRepository).Store);
        }

        using var after = WorkspaceClient.CreateFactoryIn(directory.Path);
        using var again = after.CreateBrowser(cookies);
        using var list = await again.GetAsync("/therapists");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        await using var connection = new SqliteConnection($"Data Source={after.DatabasePath}");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM data_protection_keys WHERE xml LIKE '<key %'";
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        SqliteConnection.ClearAllPools();
    }
}

using System.Net;
using BotTriage.Web.Tests.Support;

namespace BotTriage.Web.Tests.Therapists;

/// <summary>
/// <c>dotnet run</c> serves the workspace on plain http://localhost in the Development environment: its login must
/// work there, while every other environment keeps the cookies Secure (and so needs https).
/// </summary>
public sealed class LocalDevelopmentTests
{
    [Fact]
    public async Task ShowsTheLoginOnPlainHttpWhenRunLocally()
    {
        using var factory = new BotTriageFactory { EnvironmentName = "Development" };
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/therapists/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".BotTriage", StringComparison.Ordinal) || c.Contains("ntiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SaysTheWorkspaceNeedsHttpsOnPlainHttpElsewhere()
    {
        using var factory = new BotTriageFactory { EnvironmentName = "Production" };
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/therapists/login");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("https", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}

using BotTriage.Bot.Teams;

namespace BotTriage.Bot.Tests.Teams;

public sealed class TeamsOptionsValidatorTests
{
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly TeamsOptionsValidator _validator = new();

    [Fact]
    public void AcceptsTheDefaults()
    {
        Assert.True(_validator.Validate(null, new TeamsOptions()).Succeeded);
    }

    [Fact]
    public void AcceptsAWorkplaceWithItsOwnPhysioAndPsychologist()
    {
        var options = WithWorkplace(("physio", Partner("https://fysio.example/book", "")), ("psychologist", Partner("", "0800 123 4567")));

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void RefusesATenantThatIsNotAGuidWithItsKey()
    {
        var options = new TeamsOptions();
        options.AllowedTenants.Add("contoso.onmicrosoft.com");

        var result = _validator.Validate(null, options);

        Assert.Contains("Teams:AllowedTenants:0 'contoso.onmicrosoft.com' is not a tenant id", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gp")]
    [InlineData("emergency-112")]
    public void NeverLetsAWorkplaceRedirectAMedicalRoute(string route)
    {
        var options = WithWorkplace((route, Partner("https://clinic.example", "")));

        var result = _validator.Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains($"Teams:Workplaces:{Tenant}:Routes:{route}: '{route}' cannot lead to a workplace partner", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://fysio.example/book", "", "must be an absolute https URL")]
    [InlineData("", "", "give a BookingUrl, a Phone, or both")]
    [InlineData("", "call us", "may hold only digits")]
    public void RefusesAPartnerThatLeadsNowhere(string url, string phone, string expected)
    {
        var result = _validator.Validate(null, WithWorkplace(("physio", Partner(url, phone))));

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAWorkplaceOutsideTheAllowList()
    {
        var options = WithWorkplace(("physio", Partner("https://fysio.example", "")));
        options.AllowedTenants.Add("0d9a6c4e-1111-4222-8333-944455556666");

        var result = _validator.Validate(null, options);

        Assert.Contains("is not in Teams:AllowedTenants", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2E7D6B")]
    [InlineData("#2E7D6")]
    [InlineData("#GGGGGG")]
    public void RefusesAnAccentColourThatIsNotHex(string color)
    {
        var result = _validator.Validate(null, new TeamsOptions { AccentColor = color });

        Assert.Contains("is not a colour of the form #RRGGBB", result.FailureMessage, StringComparison.Ordinal);
    }

    private static TeamsOptions WithWorkplace(params (string Route, WorkplaceRouteOptions Partner)[] routes)
    {
        var workplace = new WorkplaceOptions { EmployerName = "Contoso" };
        foreach (var (route, partner) in routes)
        {
            workplace.Routes[route] = partner;
        }

        var options = new TeamsOptions();
        options.Workplaces[Tenant] = workplace;
        return options;
    }

    private static WorkplaceRouteOptions Partner(string url, string phone) =>
        new() { NameDutch = "Partner", NameEnglish = "Partner", BookingUrl = url, Phone = phone };
}

using BotTriage.Bot.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Tests.Authentication;

public sealed class BotFrameworkAuthenticationOptionsValidatorTests
{
    [Fact]
    public void DefaultsAreTheBotFrameworkAndEntraMetadataAndNoAppId()
    {
        var options = Bind([]);

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", options.EmulatorOpenIdMetadataUrl);
        Assert.True(options.IsAuthenticationDisabled);
        Assert.Equal(MicrosoftAppType.MultiTenant, options.AppType);
    }

    [Fact]
    public void ReadsTheAppSettingsFromTheConfigurationRoot()
    {
        var options = Bind(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppPassword"] = "secret",
            ["MicrosoftAppType"] = "singletenant",
            ["MicrosoftAppTenantId"] = "tenant",
            ["BotFramework:ChannelOpenIdMetadataUrl"] = "https://keys.example.com/openid",
        });

        Assert.Equal("app", options.MicrosoftAppId);
        Assert.Equal(MicrosoftAppType.SingleTenant, options.AppType);
        Assert.Equal("tenant", options.MicrosoftAppTenantId);
        Assert.Equal("https://keys.example.com/openid", options.ChannelOpenIdMetadataUrl);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/openid")]
    [InlineData("http://127.8.9.10/openid")]
    [InlineData("http://localhost:5000/openid")]
    [InlineData("http://[::1]:5000/openid")]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    public void AcceptsHttpsAnywhereAndHttpOnLoopback(string url)
    {
        var failures = Failures(new() { ["BotFramework:ChannelOpenIdMetadataUrl"] = url, ["BotFramework:EmulatorOpenIdMetadataUrl"] = url });

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.5/openid")]
    [InlineData("http://localhost.example.com/openid")]
    [InlineData("ftp://127.0.0.1/openid")]
    [InlineData("/relative/openid")]
    public void RejectsPlainHttpOffLoopbackAndOtherSchemes(string url)
    {
        var failures = Failures(new() { ["BotFramework:ChannelOpenIdMetadataUrl"] = url });

        Assert.Contains(failures, f => f.StartsWith("BotFramework:ChannelOpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SingleTenant", null, "secret", "MicrosoftAppType SingleTenant requires MicrosoftAppTenantId.")]
    [InlineData("SingleTenant", "tenant", null, "MicrosoftAppType SingleTenant requires MicrosoftAppPassword.")]
    [InlineData("UserAssignedMSI", null, null, "MicrosoftAppType UserAssignedMSI requires MicrosoftAppTenantId.")]
    [InlineData("SomethingElse", null, null, "MicrosoftAppType 'SomethingElse' is not MultiTenant, SingleTenant or UserAssignedMSI.")]
    public void RejectsIncompleteAppSettings(string appType, string? tenant, string? password, string failure)
    {
        var failures = Failures(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = tenant,
            ["MicrosoftAppPassword"] = password,
        });

        Assert.Contains(failure, failures);
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("MultiTenant", null, "secret")]
    [InlineData("UserAssignedMSI", "tenant", null)]
    public void AcceptsCompleteAppSettings(string appType, string? tenant, string? password)
    {
        var failures = Failures(new()
        {
            ["MicrosoftAppId"] = "app",
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppTenantId"] = tenant,
            ["MicrosoftAppPassword"] = password,
        });

        Assert.Empty(failures);
    }

    [Fact]
    public void InvalidSettingsFailTheStart()
    {
        using var services = Services(new() { ["BotFramework:ChannelOpenIdMetadataUrl"] = "http://keys.example.com/openid" });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BotFramework:ChannelOpenIdMetadataUrl", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddBotTriageChannelAuthentication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static BotFrameworkAuthenticationOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        return services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
    }

    private static IEnumerable<string> Failures(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        try
        {
            _ = services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException exception)
        {
            return exception.Failures;
        }
    }
}

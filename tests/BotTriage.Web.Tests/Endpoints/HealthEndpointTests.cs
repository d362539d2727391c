using System.Net;
using BotTriage.Bot.Storage;
using BotTriage.Web.Tests.Support;
using Moq;

namespace BotTriage.Web.Tests.Endpoints;

public class HealthEndpointTests
{
    [Fact]
    public async Task AnswersOkWhenStorageIsReachable()
    {
        using var factory = new BotTriageFactory();

        using var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnswersServiceUnavailableWhenStorageIsNot()
    {
        var storage = new Mock<IStorage>();
        storage.Setup(s => s.IsHealthyAsync(It.IsAny<CancellationToken>())).ReturnsAsync(false);
        using var factory = new BotTriageFactory { Storage = storage.Object };

        using var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

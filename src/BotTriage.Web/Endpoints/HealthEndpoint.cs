using BotTriage.Bot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Endpoints;

/// <summary>
/// <c>GET /healthz</c>: 200 when the state store's database can be reached, else 503; the body names the provider
/// (<c>healthy: postgres storage reachable</c>), never a connection string.
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync);
        return app;
    }

    internal static async Task<ContentHttpResult> CheckAsync(IStorage storage, IOptions<StorageOptions> options, CancellationToken cancellationToken)
    {
        bool healthy;
        try
        {
            healthy = await storage.IsHealthyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Any failure to reach the store is exactly what this endpoint reports.
            healthy = false;
        }

        var provider = options.Value.Provider.Trim().ToLowerInvariant();
        return healthy
            ? TypedResults.Text($"healthy: {provider} storage reachable", "text/plain", statusCode: StatusCodes.Status200OK)
            : TypedResults.Text($"unhealthy: {provider} storage unreachable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

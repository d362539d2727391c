using BotTriage.Bot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BotTriage.Web.Endpoints;

/// <summary><c>GET /healthz</c>: 200 when the state store can be reached, else 503.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", CheckAsync);
        return app;
    }

    internal static async Task<ContentHttpResult> CheckAsync(IStorage storage, CancellationToken cancellationToken)
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

        return healthy
            ? TypedResults.Text("healthy", "text/plain", statusCode: StatusCodes.Status200OK)
            : TypedResults.Text("unhealthy", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

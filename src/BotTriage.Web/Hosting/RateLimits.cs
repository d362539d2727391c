using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using BotTriage.Bot.Storage;
using BotTriage.Web.DirectLine;
using BotTriage.Web.Therapists;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace BotTriage.Web.Hosting;

/// <summary>
/// Limits per client address on what anyone may call without an account: visitor tokens
/// (<see cref="DirectLineOptions.VisitorTokensPerMinute"/>, each starts a conversation) and the workspace's login form
/// (<see cref="TherapistOptions.LoginAttemptsPerMinute"/>, against trying many names or passwords). Each counts per
/// fixed minute (in the database with PostgreSQL, so behind a load balancer the limit holds across instances); beyond
/// it the answer is 429 with <c>Retry-After</c>. Behind a reverse proxy the address is the
/// proxy's unless forwarded headers are enabled (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>).
/// </summary>
public static class RateLimits
{
    public const string VisitorTokens = "visitor-tokens";
    public const string Logins = "therapist-logins";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddBotTriageRateLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(VisitorTokens, context => PerMinute(
                context,
                VisitorTokens,
                context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.VisitorTokensPerMinute));
            options.AddPolicy(Logins, context => PerMinute(
                context,
                Logins,
                context.RequestServices.GetRequiredService<IOptions<TherapistOptions>>().Value.LoginAttemptsPerMinute));
        });
    }

    /// <summary>The address a limit counts by: an IPv4 address as it is, an IPv6 address by its /64 network.</summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    // With PostgreSQL every instance counts in the database; SQLite and memory are one instance, which counts in memory.
    private static RateLimitPartition<string> PerMinute(HttpContext context, string limit, int permits)
    {
        var services = context.RequestServices;
        var key = ClientKey(context.Connection.RemoteIpAddress);
        if (StorageServiceCollectionExtensions.SelectRateLimitCounter(services) is { } counter)
        {
            return RateLimitPartition.Get(key, clientKey => new SharedWindowLimiter(
                counter,
                limit,
                clientKey,
                permits,
                Window,
                services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))));
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/therapists", StringComparison.Ordinal))
        {
            // The login form is a page, so the answer is one too.
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(TherapistPages.TooManyLogins(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: "Too many chats were started from this address; try again in a minute.")
            .ExecuteAsync(http)
            .ConfigureAwait(false);
    }
}

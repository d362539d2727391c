using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotTriage.Bot.Privacy;

/// <summary>Runs the <see cref="RetentionSweeper"/> when the host starts and then every <see cref="PrivacyOptions.RetentionSweepMinutes"/>.</summary>
internal sealed class RetentionService(
    RetentionSweeper sweeper,
    IOptions<PrivacyOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromMinutes(options.Value.RetentionSweepMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweeper.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A failed run is retried at the next period; the host keeps serving.
                PrivacyLog.RetentionFailed(logger, exception.GetType().Name);
            }

            try
            {
                await Task.Delay(period, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

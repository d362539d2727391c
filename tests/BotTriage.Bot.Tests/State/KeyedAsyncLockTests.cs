using BotTriage.Bot.State;

namespace BotTriage.Bot.Tests.State;

public class KeyedAsyncLockTests
{
    [Fact]
    public async Task LetsOneHolderPerKeyAndServesWaitersInOrder()
    {
        var locks = new KeyedAsyncLock();
        var order = new List<int>();
        var first = await locks.AcquireAsync("a", CancellationToken.None);

        // AcquireAsync queues the waiter before it returns, so these three arrive in this order.
        var waiters = Enumerable.Range(1, 3).Select(i => (i, locks.AcquireAsync("a", CancellationToken.None))).ToList();
        var completion = waiters.Select(async w =>
        {
            using (await w.Item2)
            {
                lock (order)
                {
                    order.Add(w.i);
                }
            }
        }).ToList();
        var otherKey = await locks.AcquireAsync("b", CancellationToken.None);
        otherKey.Dispose();
        var noneBeforeRelease = order.Count;
        first.Dispose();
        await Task.WhenAll(completion);

        Assert.Equal(0, noneBeforeRelease);
        Assert.Equal([1, 2, 3], order);
        Assert.Equal(0, locks.ActiveKeys);
    }

    [Fact]
    public async Task ACancelledWaiterLeavesTheQueue()
    {
        var locks = new KeyedAsyncLock();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("a", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.ActiveKeys);
    }
}

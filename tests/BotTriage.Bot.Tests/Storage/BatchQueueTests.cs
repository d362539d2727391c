using BotTriage.Bot.Storage;

namespace BotTriage.Bot.Tests.Storage;

public sealed class BatchQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public void ABatchTakesTheOldestFirstAndNoMoreThanAsked()
    {
        var queue = new BatchQueue<int>();
        for (var i = 1; i <= 5; i++)
        {
            Assert.True(queue.TryAdd(i));
        }

        var batch = new List<int>();
        Assert.True(queue.TakeBatch(batch, 3));
        Assert.Equal([1, 2, 3], batch);

        batch.Clear();
        Assert.True(queue.TakeBatch(batch, 3));
        Assert.Equal([4, 5], batch);
    }

    [Fact]
    public void AnItemAddedWhileTheTakerWaitsWakesIt()
    {
        var queue = new BatchQueue<string>();
        var batch = new List<string>();
        var taker = new Thread(() => queue.TakeBatch(batch, 10));
        taker.Start();

        // The taker is asleep in TakeBatch (an empty queue), or about to be: either way the item reaches it.
        Thread.Sleep(50);
        Assert.True(taker.IsAlive);
        Assert.True(queue.TryAdd("turn"));

        Assert.True(taker.Join(Patience));
        Assert.Equal(["turn"], batch);
    }

    [Fact]
    public void CompletingLetsTheTakerFinishWhatIsQueuedThenStop()
    {
        var queue = new BatchQueue<int>();
        queue.TryAdd(1);
        queue.TryAdd(2);
        queue.Complete();

        Assert.False(queue.TryAdd(3));
        var batch = new List<int>();
        Assert.True(queue.TakeBatch(batch, 10));
        Assert.Equal([1, 2], batch);
        Assert.False(queue.TakeBatch(batch, 10));
        Assert.False(queue.TryTake(out _));
    }

    [Fact]
    public void CompletingWakesATakerThatWaits()
    {
        var queue = new BatchQueue<int>();
        bool? taken = null;
        var taker = new Thread(() => taken = queue.TakeBatch([], 10));
        taker.Start();
        Thread.Sleep(50);

        queue.Complete();

        Assert.True(taker.Join(Patience));
        Assert.False(taken);
    }

    [Fact]
    public void ItemsFromManyThreadsAllArriveAndEachThreadsInOrder()
    {
        var queue = new BatchQueue<(int Producer, int Number)>();
        const int Producers = 4;
        const int PerProducer = 2000;
        var taken = new List<(int Producer, int Number)>();
        var taker = new Thread(() =>
        {
            var batch = new List<(int Producer, int Number)>();
            while (queue.TakeBatch(batch, 64))
            {
                taken.AddRange(batch);
                batch.Clear();
            }
        });
        taker.Start();

        var producers = Enumerable.Range(0, Producers)
            .Select(p => new Thread(() =>
            {
                for (var n = 0; n < PerProducer; n++)
                {
                    queue.TryAdd((p, n));
                }
            }))
            .ToList();
        producers.ForEach(t => t.Start());
        producers.ForEach(t => Assert.True(t.Join(Patience)));
        queue.Complete();
        Assert.True(taker.Join(Patience));

        Assert.Equal(Producers * PerProducer, taken.Count);
        for (var p = 0; p < Producers; p++)
        {
            Assert.Equal(Enumerable.Range(0, PerProducer), taken.Where(t => t.Producer == p).Select(t => t.Number));
        }
    }
}

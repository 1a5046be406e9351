using Digest.Briefings;
using Digest.Mail;
using Digest.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Digest.Tests.Briefings;

public sealed class BriefingFanOutTests : IDisposable
{
    private static readonly Briefing Briefing = new()
    {
        Date = new DateOnly(2026, 11, 21),
        ArticleCount = 1,
        Stories = [new Story { Headline = "Storm", Summary = ["A storm hit."], Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times" }] }],
    };

    private readonly string root = Directory.CreateTempSubdirectory("digest-fanout-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task QueueAsync_RerunAfterAFailureWhileReadersChanged_QueuesEveryOriginalReaderExactlyOnce()
    {
        var store = new LocalFolderStore(root);
        for (var i = 0; i < 2500; i++)
        {
            await store.AddSubscriberAsync(new Subscriber($"r{i:D5}@example.com"));
        }

        var failing = new FailingQueue(store, failOnCall: 2);
        await Assert.ThrowsAsync<IOException>(() => new BriefingFanOut(store, store, failing, store, NullLogger<BriefingFanOut>.Instance).QueueAsync(Briefing));
        await store.RemoveSubscriberAsync("r00000@example.com");
        await store.AddSubscriberAsync(new Subscriber("late@example.com"));

        var queued = await new BriefingFanOut(store, store, store, store, NullLogger<BriefingFanOut>.Instance).QueueAsync(Briefing);

        Assert.Equal(2, queued);
        var recipients = new List<string>();
        while (await store.ReceiveAsync(TimeSpan.FromMinutes(5)) is { } job)
        {
            recipients.AddRange(EmailJob.FromMessage(System.Text.Encoding.UTF8.GetBytes(job.Body)).Recipients);
        }

        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"r{i:D5}@example.com"), recipients.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueueAsync_SecondRun_QueuesNothing()
    {
        var store = new LocalFolderStore(root);
        await store.AddSubscriberAsync(new Subscriber("ada@example.com"));
        var fanOut = new BriefingFanOut(store, store, store, store, NullLogger<BriefingFanOut>.Instance);

        Assert.Equal(1, await fanOut.QueueAsync(Briefing));
        Assert.Equal(0, await fanOut.QueueAsync(Briefing));
    }

    /// <summary>A queue whose n-th send fails, as a storage hiccup would.</summary>
    private sealed class FailingQueue(IJobQueue inner, int failOnCall) : IJobQueue
    {
        private int calls;

        public Task EnqueueAsync(string body, CancellationToken cancellationToken = default) =>
            ++calls == failOnCall ? throw new IOException("storage hiccup") : inner.EnqueueAsync(body, cancellationToken);

        public Task<QueuedJob?> ReceiveAsync(TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) => inner.ReceiveAsync(visibilityTimeout, cancellationToken);

        public Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken = default) => inner.CompleteAsync(job, cancellationToken);

        public Task<IReadOnlyList<string>> PeekPoisonAsync(int max = 32, CancellationToken cancellationToken = default) => inner.PeekPoisonAsync(max, cancellationToken);

        public Task SetAsideAsync(QueuedJob job, string reason, CancellationToken cancellationToken = default) => inner.SetAsideAsync(job, reason, cancellationToken);
    }
}

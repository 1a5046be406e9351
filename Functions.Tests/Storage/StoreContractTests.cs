using Digest.Tests.TestSupport;
using System.Text;
using Digest.Briefings;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Tests.Briefings;

namespace Digest.Tests.Storage;

/// <summary>
/// What every Digest store must do, whether it is the local folder or an Azure Storage account. The same tests run
/// against both (<see cref="LocalFolderStoreContractTests"/>, <see cref="AzureStorageStoreContractTests"/>), so the
/// embedded default behaves like Azure.
/// </summary>
public abstract class StoreContractTests
{
    protected abstract IDigestStore Store { get; }

    /// <summary>Another, independent store on the same data (as a second process would have).</summary>
    protected abstract IDigestStore CreateSecondStore();

    /// <summary>An independent store on the same data whose clock is <paramref name="time"/> (for leases, without waiting).</summary>
    protected abstract IDigestStore CreateStore(TimeProvider time);

    /// <summary>Writes <paramref name="text"/> where the summary record of <paramref name="article"/> is kept, bypassing the store.</summary>
    protected abstract Task WriteRawSummaryAsync(string article, string text);

    /// <summary>Writes <paramref name="text"/> where the briefing record of <paramref name="date"/> is kept, bypassing the store.</summary>
    protected abstract Task WriteRawBriefingAsync(DateOnly date, string text);

    [Fact]
    public async Task Summary_SavedThenFound_RoundTrips()
    {
        var summary = SummaryBuilder.BrennportDay()[0];

        await Store.SaveAsync(summary);
        var found = await Store.FindAsync(summary.Article);

        Assert.NotNull(found);
        Assert.Equal(summary.ContentHash, found.ContentHash);
        Assert.Equal(summary.Sentences, found.Sentences);
        Assert.Equal(summary.PublishedAt, found.PublishedAt);
    }

    [Fact]
    public async Task Summary_NeverSaved_FindReturnsNull() =>
        Assert.Null(await Store.FindAsync("never-saved.txt"));

    [Fact]
    public async Task Summary_SavedTwice_KeepsTheLatest()
    {
        var summary = SummaryBuilder.BrennportDay()[0];
        await Store.SaveAsync(summary);

        await Store.SaveAsync(summary with { Title = "Updated title" });

        Assert.Equal("Updated title", (await Store.FindAsync(summary.Article))!.Title);
        Assert.Single(await Store.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task Summaries_Listed_AreEverySavedSummaryAndNoRejection()
    {
        var summaries = SummaryBuilder.BrennportDay();
        foreach (var summary in summaries)
        {
            await Store.SaveAsync(summary);
        }

        await Store.SaveRejectionAsync(new Rejection("bad.bin", "not text", null, DateTimeOffset.UnixEpoch));

        var listed = await Store.ListAsync().Select(s => s.Article).ToListAsync();
        Assert.Equal(summaries.Select(s => s.Article).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rejection_Saved_IsListedWithItsReason()
    {
        var rejection = new Rejection("../odd name #1.bin", "The file is binary, not text.", "abc", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

        await Store.SaveRejectionAsync(rejection);

        Assert.Equal([rejection], await Store.ListRejectionsAsync().ToListAsync());
    }

    [Fact]
    public async Task Briefing_SavedThenFound_RoundTripsAndOtherDatesAreMissing()
    {
        var date = new DateOnly(2026, 11, 20);
        var briefing = new Briefing
        {
            Date = date,
            ArticleCount = 1,
            Stories = [new Story { Headline = "Budget passes", Summary = ["It passed."], Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times" }] }],
        };

        await Store.SaveAsync(new StoredBriefing(briefing, "<p>Budget passes</p>", "Budget passes"));

        var found = await Store.FindAsync(date);
        Assert.NotNull(found);
        Assert.Equal("Budget passes", found.Stories.Single().Headline);
        Assert.Null(await Store.FindAsync(date.AddDays(1)));
    }

    [Fact]
    public async Task BriefingDates_SeveralSaved_AreListedNewestFirstWithoutOtherRecords()
    {
        Assert.Empty(await Store.ListBriefingDatesAsync());
        foreach (var day in new[] { 20, 3, 11 })
        {
            var date = new DateOnly(2026, 11, day);
            var briefing = new Briefing
            {
                Date = date,
                ArticleCount = 1,
                Stories = [new Story { Headline = "Budget passes", Summary = ["It passed."], Citations = [0], Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times" }] }],
            };
            await Store.SaveAsync(new StoredBriefing(briefing, "<p>Budget passes</p>", "Budget passes"));
        }

        await Store.SaveFanOutPlanAsync(new DateOnly(2026, 11, 20), []);

        Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 3)], await Store.ListBriefingDatesAsync());
        Assert.Equal([0], (await Store.FindAsync(new DateOnly(2026, 11, 3)))!.Stories[0].Citations);
    }

    [Theory]
    [InlineData("harbor-times/budget vote.txt")]
    [InlineData("Brennport – café ünïcödé 日本.md")]
    [InlineData("odd #1 ?query% 100%25.html")]
    public async Task Article_AddedThenRead_KeepsBytesAndMetadata(string name)
    {
        var content = Encoding.UTF8.GetBytes("Council passes budget.\n\nThe council voted 7-2.");
        var article = new StoredArticle(name, content, "Harbor Times – Brennport", "https://harbor.example/a?b=1&c=d", "Budget vote (final) é.txt");

        Assert.True(await Store.AddArticleAsync(article));
        var read = await Store.GetArticleAsync(name);

        Assert.NotNull(read);
        Assert.Equal(content, read.Content);
        Assert.Equal((name, article.Outlet, article.Url, article.OriginalFileName), (read.Name, read.Outlet, read.Url, read.OriginalFileName));
        Assert.Contains(name, await Store.ListArticleNamesAsync().ToListAsync());
    }

    [Fact]
    public async Task Article_AddedTwice_SecondWriterCannotOverwrite()
    {
        Assert.True(await Store.AddArticleAsync(new StoredArticle("a.txt", Encoding.UTF8.GetBytes("first"), "First Outlet")));

        var added = await Store.AddArticleAsync(new StoredArticle("a.txt", Encoding.UTF8.GetBytes("second"), "Second Outlet"));

        Assert.False(added);
        var kept = await Store.GetArticleAsync("a.txt");
        Assert.Equal("first", Encoding.UTF8.GetString(kept!.Content));
        Assert.Equal("First Outlet", kept.Outlet);
    }

    [Fact]
    public async Task Article_NeverAdded_GetReturnsNull() =>
        Assert.Null(await Store.GetArticleAsync("missing.txt"));

    [Fact]
    public async Task Articles_ListedWithPrefix_OnlyMatchingNamesInOrdinalOrder()
    {
        foreach (var name in new[] { "b/2.txt", "a/1.txt", "b/1.txt", "bb.txt" })
        {
            await Store.AddArticleAsync(new StoredArticle(name, [1, 2, 3]));
        }

        Assert.Equal(["b/1.txt", "b/2.txt"], await Store.ListArticleNamesAsync("b/").ToListAsync());
        Assert.Equal(["a/1.txt", "b/1.txt", "b/2.txt", "bb.txt"], await Store.ListArticleNamesAsync().ToListAsync());
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("..\\escape.txt")]
    [InlineData("a//b.txt")]
    [InlineData("")]
    public async Task Article_NameLeavingTheStore_IsRefusedWithTheReason(string name)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.AddArticleAsync(new StoredArticle(name, [1])));

        Assert.Contains("is not allowed", refused.Message);
    }

    [Fact]
    public async Task Job_EnqueuedReceivedAndCompleted_LeavesTheQueueEmpty()
    {
        await Store.EnqueueAsync("{\"to\":\"ada@example.com\"}");

        var job = await Store.ReceiveAsync(TimeSpan.FromMinutes(1));
        Assert.NotNull(job);
        Assert.Equal("{\"to\":\"ada@example.com\"}", job.Body);
        Assert.Equal(1, job.DequeueCount);
        await Store.CompleteAsync(job);

        Assert.Null(await Store.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Job_ReceivedButNotCompleted_IsHiddenThenHandedOutAgain()
    {
        await Store.EnqueueAsync("job ü");
        var first = await Store.ReceiveAsync(TimeSpan.FromSeconds(3));

        Assert.Null(await Store.ReceiveAsync(TimeSpan.FromSeconds(3)));
        var again = await ReceiveWhenVisibleAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(first!.Id, again.Id);
        Assert.Equal(("job ü", 2), (again.Body, again.DequeueCount));
    }

    [Fact]
    public async Task Job_CompletedWithAnOutdatedReceipt_StaysForItsNewHolder()
    {
        await Store.EnqueueAsync("slow job");
        var first = await Store.ReceiveAsync(TimeSpan.FromSeconds(1));
        var second = await ReceiveWhenVisibleAsync(TimeSpan.FromSeconds(2));

        await Store.CompleteAsync(first!);
        await Store.CompleteAsync(first!);

        var third = await ReceiveWhenVisibleAsync(TimeSpan.FromMinutes(1));
        Assert.Equal((second.Id, 3), (third.Id, third.DequeueCount));
        await Store.CompleteAsync(third);
        Assert.Null(await Store.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Job_FailingMoreThanFiveTimes_MovesToThePoisonQueue()
    {
        await Store.EnqueueAsync("always fails");
        for (var attempt = 1; attempt <= IJobQueue.MaxDequeueCount; attempt++)
        {
            Assert.Equal(attempt, (await ReceiveWhenVisibleAsync(TimeSpan.FromSeconds(1))).DequeueCount);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Store.PeekPoisonAsync()).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the job never reached the poison queue");
            Assert.Null(await Store.ReceiveAsync(TimeSpan.FromSeconds(1)));
            await Task.Delay(200);
        }

        Assert.Equal(["always fails"], await Store.PeekPoisonAsync());
        Assert.Equal(["always fails"], await Store.PeekPoisonAsync());
    }

    [Fact]
    public async Task Job_SetAside_GoesToThePoisonQueueAtOnceAndTheNextJobIsHandedOut()
    {
        await Store.EnqueueAsync("this is not a job");
        await Store.EnqueueAsync("{\"date\": \"2026-11-20\", \"batch\": 0, \"recipients\": [\"a@example.com\"]}");
        var first = await ReceiveWhenVisibleAsync(TimeSpan.FromMinutes(1));

        await Store.SetAsideAsync(first, "the message is not an email job");

        Assert.Equal(["this is not a job"], await Store.PeekPoisonAsync());
        var second = await ReceiveWhenVisibleAsync(TimeSpan.FromMinutes(1));
        Assert.StartsWith("{\"date\"", second.Body);
        await Store.CompleteAsync(second);
        Assert.Null(await Store.ReceiveAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(["this is not a job"], await Store.PeekPoisonAsync());
    }

    /// <summary>Receives the next job, waiting (polling) until one becomes visible; no fixed sleeps that a busy machine can outrun.</summary>
    private async Task<QueuedJob> ReceiveWhenVisibleAsync(TimeSpan visibility)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await Store.ReceiveAsync(visibility) is { } job)
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "no job became visible within 30 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Job_Over48KiB_IsRefusedBeforeAnythingIsQueued()
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.EnqueueAsync(new string('x', 48 * 1024 + 1)));

        Assert.Contains("limit", refused.Message);
        Assert.Null(await Store.ReceiveAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Job_OfExactly48KiB_IsQueued()
    {
        await Store.EnqueueAsync(new string('x', 48 * 1024));

        Assert.Equal(48 * 1024, (await Store.ReceiveAsync(TimeSpan.FromSeconds(5)))!.Body.Length);
    }

    [Fact]
    public async Task Subscribers_AddedTwiceWithOtherCase_AreListedOnceAndCanBeRemoved()
    {
        await Store.AddSubscriberAsync(new Subscriber("ada@example.com", "Ada"));
        await Store.AddSubscriberAsync(new Subscriber("bo/b#1?@example.com"));
        await Store.AddSubscriberAsync(new Subscriber("ADA@example.com", "Ada L."));

        var listed = await Store.ListConfirmedAsync().OrderBy(s => s.Email.ToLowerInvariant(), StringComparer.Ordinal).ToListAsync();
        Assert.Equal([new Subscriber("ADA@example.com", "Ada L."), new Subscriber("bo/b#1?@example.com")], listed);

        Assert.True(await Store.RemoveSubscriberAsync("ada@example.com"));
        Assert.False(await Store.RemoveSubscriberAsync("ada@example.com"));
        Assert.Equal(["bo/b#1?@example.com"], await Store.ListConfirmedAsync().Select(s => s.Email).ToListAsync());
    }

    [Fact]
    public async Task Delivery_Recorded_IsRememberedAndRecordingTwiceIsHarmless()
    {
        var key = "2026-11-20/ada@example.com";
        Assert.False(await Store.WasDeliveredAsync(key));

        await Store.RecordDeliveredAsync(key, "<m1@digest>");
        await Store.RecordDeliveredAsync(key, "<m2@digest>");

        Assert.True(await Store.WasDeliveredAsync(key));
        Assert.False(await Store.WasDeliveredAsync("2026-11-21/ada@example.com"));
    }
    [Fact]
    public async Task Claim_TwentySendersAtOnceOnTwoStores_ExactlyOneWins()
    {
        var key = "2026-11-20-" + Guid.NewGuid().ToString("N");
        var second = CreateSecondStore();

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : second).TryClaimAsync(key, TimeSpan.FromMinutes(2)))));

        Assert.Single(claims, c => c.Outcome == ClaimOutcome.Claimed);
        Assert.Equal(19, claims.Count(c => c.Outcome == ClaimOutcome.HeldElsewhere));
    }

    [Fact]
    public async Task Claim_AfterTheDeliveryIsRecorded_IsAlreadyDelivered()
    {
        var key = "2026-11-20-recorded";
        Assert.Equal(ClaimOutcome.Claimed, (await Store.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);

        await Store.RecordDeliveredAsync(key, "<m1@digest>");

        Assert.True(await Store.WasDeliveredAsync(key));
        Assert.Equal(ClaimOutcome.AlreadyDelivered, (await CreateSecondStore().TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);
    }

    [Fact]
    public async Task Claim_HeldButNotRecorded_IsNotADelivery()
    {
        await Store.TryClaimAsync("2026-11-20-held", TimeSpan.FromMinutes(2));

        Assert.False(await Store.WasDeliveredAsync("2026-11-20-held"));
    }

    [Fact]
    public async Task Claim_WhoseHolderDied_IsTakenOverByOneSenderAfterTheLease()
    {
        var key = "2026-11-20-expired";
        var time = new ManualTime(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero));
        var (first, second) = (CreateStore(time), CreateStore(time));
        Assert.Equal(ClaimOutcome.Claimed, (await first.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);
        time.Now += TimeSpan.FromMinutes(1);
        Assert.Equal(ClaimOutcome.HeldElsewhere, (await second.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);

        time.Now += TimeSpan.FromMinutes(2);
        var takeovers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).TryClaimAsync(key, TimeSpan.FromMinutes(2)))));

        Assert.Single(takeovers, c => c.Outcome == ClaimOutcome.Claimed);
    }

    [Fact]
    public async Task Claim_Released_CanBeTakenAgainAtOnce()
    {
        var key = "2026-11-20-released";
        var claim = await Store.TryClaimAsync(key, TimeSpan.FromMinutes(2));

        await Store.ReleaseClaimAsync(claim);

        Assert.Equal(ClaimOutcome.Claimed, (await CreateSecondStore().TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);
    }

    [Fact]
    public async Task Claim_ReleasedAfterAnotherTookItOver_LeavesTheNewHoldersClaim()
    {
        var key = "2026-11-20-stale";
        var time = new ManualTime(new DateTimeOffset(2026, 11, 20, 7, 0, 0, TimeSpan.Zero));
        var store = CreateStore(time);
        var stale = await store.TryClaimAsync(key, TimeSpan.FromMinutes(2));
        time.Now += TimeSpan.FromMinutes(3);
        Assert.Equal(ClaimOutcome.Claimed, (await store.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);

        await store.ReleaseClaimAsync(stale);

        Assert.Equal(ClaimOutcome.HeldElsewhere, (await store.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);
    }

    [Fact]
    public async Task Subscribers_TwentyConfirmedAtOnceOnTwoStores_AreAllKept()
    {
        var second = CreateSecondStore();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : second).AddSubscriberAsync(new Subscriber($"reader{i:D2}@example.com")))));

        Assert.Equal(20, await Store.ListConfirmedAsync().CountAsync());
    }

    [Theory]
    [InlineData("{\"article\": \"a.txt\", \"sente")]
    [InlineData("not json at all")]
    [InlineData("null")]
    public async Task Summary_Damaged_FailsWithAnErrorNamingTheArticle(string damaged)
    {
        await WriteRawSummaryAsync("harbor/budget.txt", damaged);

        var error = await Assert.ThrowsAsync<DamagedRecordException>(() => Store.FindAsync("harbor/budget.txt"));

        Assert.Contains("summary 'harbor/budget.txt'", error.Message);
        Assert.Equal("harbor/budget.txt", error.Item);
    }

    [Fact]
    public async Task Summary_DamagedThenSavedAgain_IsReadable()
    {
        var summary = SummaryBuilder.BrennportDay()[0];
        await WriteRawSummaryAsync(summary.Article, "{ truncated");

        await Store.SaveAsync(summary);

        Assert.Equal(summary.ContentHash, (await Store.FindAsync(summary.Article))!.ContentHash);
    }

    [Fact]
    public async Task Summaries_OneDamaged_ListingSkipsItAndReturnsTheRest()
    {
        var day = SummaryBuilder.BrennportDay();
        foreach (var summary in day)
        {
            await Store.SaveAsync(summary);
        }

        await WriteRawSummaryAsync(day[0].Article, "{\"article\": \"trunc");

        var listed = await Store.ListSummarizedSinceAsync(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)).Select(s => s.Article).ToListAsync();

        Assert.Equal(day.Skip(1).Select(s => s.Article).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": null}", "stories")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": [null]}", "stories[0]")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"citations\": null, \"sources\": [{\"article\": \"a.txt\", \"outlet\": \"O\"}]}]}", "stories[0].citations")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [null], \"sources\": [{\"article\": \"a.txt\", \"outlet\": \"O\"}]}]}", "stories[0].summary[0]")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": [{\"headline\": \"H\", \"summary\": [\"S.\"], \"sources\": [{\"article\": \"a.txt\", \"outlet\": null}]}]}", "stories[0].sources[0].outlet")]
    [InlineData("{\"date\": \"2026-11-19\", \"articleCount\": 1, \"stories\": [], \"rejected\": [{\"article\": null, \"reason\": \"r\"}]}", "rejected[0].article")]
    public async Task Briefing_WellFormedJsonOfTheWrongShape_FailsAsDamagedNamingTheField(string json, string field)
    {
        await WriteRawBriefingAsync(new DateOnly(2026, 11, 19), json);

        var error = await Assert.ThrowsAsync<DamagedRecordException>(() => Store.FindAsync(new DateOnly(2026, 11, 19)));

        Assert.Contains("briefing '2026-11-19'", error.Message);
        Assert.Contains($"'{field}' is", error.Message);
    }

    [Theory]
    [InlineData("{\"article\": \"harbor/budget.txt\", \"contentHash\": \"h\", \"sentences\": null}")]
    [InlineData("{\"article\": \"harbor/budget.txt\", \"contentHash\": null, \"sentences\": []}")]
    [InlineData("{\"article\": \"harbor/budget.txt\", \"contentHash\": \"h\", \"sentences\": [], \"keyPhrases\": null}")]
    public async Task Summary_WellFormedJsonOfTheWrongShape_FailsAsDamagedAndListingsSkipIt(string json)
    {
        var day = SummaryBuilder.BrennportDay();
        foreach (var summary in day)
        {
            await Store.SaveAsync(summary);
        }

        await WriteRawSummaryAsync("harbor/budget.txt", json);

        await Assert.ThrowsAsync<DamagedRecordException>(() => Store.FindAsync("harbor/budget.txt"));
        var listed = await Store.ListAsync().Select(s => s.Article).ToListAsync();
        Assert.Equal(day.Select(s => s.Article).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    /// <summary>Writes a subscriber without a usable email (null, missing, or on Azure a number), bypassing the store.</summary>
    protected abstract Task WriteSubscriberOfTheWrongShapeAsync();

    [Fact]
    public async Task Subscribers_OneOfTheWrongShape_IsSkippedAndTheRestAreListed()
    {
        await Store.AddSubscriberAsync(new Subscriber("kept@example.com"));
        await WriteSubscriberOfTheWrongShapeAsync();

        Assert.Equal(["kept@example.com"], await Store.ListConfirmedAsync().Select(s => s.Email).ToListAsync());
    }

    /// <summary>Writes a claim for <paramref name="deliveryKey"/> whose content cannot be read (as a sender that crashed while writing it leaves).</summary>
    protected abstract Task WriteUnreadableClaimAsync(string deliveryKey);

    [Fact]
    public async Task Claim_UnreadableLeftByACrashedSender_IsHeldForTheLeaseThenExpires()
    {
        var key = "2026-11-20-crashed";
        await WriteUnreadableClaimAsync(key);

        Assert.Equal(ClaimOutcome.HeldElsewhere, (await Store.TryClaimAsync(key, TimeSpan.FromMinutes(2))).Outcome);
        var twoHoursLater = CreateStore(new ManualTime(DateTimeOffset.UtcNow + TimeSpan.FromHours(2)));
        var takeover = await twoHoursLater.TryClaimAsync(key, TimeSpan.FromMinutes(2));

        Assert.Equal(ClaimOutcome.Claimed, takeover.Outcome);
        await twoHoursLater.RecordDeliveredAsync(key, "m1");
        Assert.True(await Store.WasDeliveredAsync(key));
    }

    [Fact]
    public async Task Briefing_Damaged_FailsWithAnErrorNamingTheDate()
    {
        await WriteRawBriefingAsync(new DateOnly(2026, 11, 19), "{\"date\": \"2026-11-19\", \"stor");

        var error = await Assert.ThrowsAsync<DamagedRecordException>(() => Store.FindAsync(new DateOnly(2026, 11, 19)));

        Assert.Contains("briefing '2026-11-19'", error.Message);
    }
}

/// <summary>The store contract on the embedded default: a local folder.</summary>
public sealed class LocalFolderStoreContractTests : StoreContractTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("digest-contract-").FullName;

    public LocalFolderStoreContractTests() => Store = new LocalFolderStore(root);

    protected override IDigestStore Store { get; }

    protected override IDigestStore CreateSecondStore() => new LocalFolderStore(root);

    protected override IDigestStore CreateStore(TimeProvider time) => new LocalFolderStore(root, time);

    protected override Task WriteRawSummaryAsync(string article, string text) =>
        WriteAsync(Path.Combine(root, "summaries", SafeNames.ToFileName(article) + ".json"), text);

    protected override Task WriteRawBriefingAsync(DateOnly date, string text) =>
        WriteAsync(Path.Combine(root, "briefings", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".json"), text);

    protected override Task WriteSubscriberOfTheWrongShapeAsync() =>
        WriteAsync(Path.Combine(root, "subscribers.json"), "[{\"email\": \"kept@example.com\"}, {\"email\": null}, null, {\"name\": \"No Address\"}]");

    protected override Task WriteUnreadableClaimAsync(string deliveryKey) =>
        WriteAsync(Path.Combine(root, "deliveries", SafeNames.ToFileName(deliveryKey) + ".claim-000001"), string.Empty);

    private static Task WriteAsync(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.WriteAllTextAsync(path, text);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}

/// <summary>The store contract on Azure Storage (Azurite), each test with its own containers, queues and tables.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureStorageStoreContractTests : StoreContractTests
{
    private readonly AzuriteFixture azurite;
    private readonly StorageLayout layout = StorageLayout.WithSuffix(AzuriteFixture.UniqueName("t"));

    public AzureStorageStoreContractTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        Store = new AzureStorageStore(azurite.CreateClients(), layout);
    }

    protected override IDigestStore Store { get; }

    protected override IDigestStore CreateSecondStore() => new AzureStorageStore(azurite.CreateClients(), layout);

    protected override IDigestStore CreateStore(TimeProvider time) => new AzureStorageStore(azurite.CreateClients(), layout, time);

    protected override Task WriteRawSummaryAsync(string article, string text) =>
        WriteAsync(layout.Summaries, "summary/" + SafeNames.ToFileName(article) + ".json", text);

    protected override Task WriteRawBriefingAsync(DateOnly date, string text) =>
        WriteAsync(layout.Briefings, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".json", text);

    protected override async Task WriteSubscriberOfTheWrongShapeAsync()
    {
        var table = azurite.CreateClients().Tables.GetTableClient(layout.Subscribers);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("subscriber", "not-text") { ["Email"] = 42 });
    }

    protected override async Task WriteUnreadableClaimAsync(string deliveryKey)
    {
        var table = azurite.CreateClients().Tables.GetTableClient(layout.Deliveries);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("delivery", TableKeys.Escape(deliveryKey)) { ["DeliveryKey"] = deliveryKey, ["ClaimedUntil"] = "not a time" });
    }

    private async Task WriteAsync(string container, string blob, string text)
    {
        var client = azurite.CreateClients().Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        await client.GetBlobClient(blob).UploadAsync(BinaryData.FromString(text), overwrite: true);
    }
}

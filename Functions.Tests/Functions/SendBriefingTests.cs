using Digest.Briefings;
using Digest.Functions;
using Digest.Mail;
using Digest.Storage;
using Digest.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Digest.Tests.Functions;

/// <summary>SendBriefing called as the queue trigger calls it: with the message text.</summary>
public sealed class SendBriefingTests : IAsyncLifetime
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("digest-send-").FullName;
    private FunctionApp app = null!;

    public async Task InitializeAsync()
    {
        app = FunctionApp.Create(dataFolder);
        var briefing = new Briefing
        {
            Date = new DateOnly(2026, 11, 21),
            ArticleCount = 1,
            Stories = [new Story { Headline = "Council passes the budget", Summary = ["The council passed the budget on Thursday."], Sources = [new StorySource { Article = "a.txt", Outlet = "Harbor Times" }] }],
        };
        await app.Services.GetRequiredService<IBriefingStore>().SaveAsync(new StoredBriefing(briefing, "<p>x</p>", "x"));
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    private int OutboxCount() => Directory.Exists(Path.Combine(dataFolder, "outbox")) ? Directory.GetFiles(Path.Combine(dataFolder, "outbox"), "*.eml").Length : 0;

    [Fact]
    public async Task SendBriefing_Job_SendsEachReaderOnceEvenWhenDeliveredTwice()
    {
        var message = """{"date":"2026-11-21","batch":0,"recipients":["ada@example.com","grace@example.com"]}""";

        await app.Function<SendBriefing>().RunAsync(message, CancellationToken.None);
        await app.Function<SendBriefing>().RunAsync(message, CancellationToken.None);

        Assert.Equal(2, OutboxCount());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not an email job")]
    [InlineData("null", "null")]
    [InlineData("""{"unexpected": true}""", "no recipients")]
    [InlineData("""{"date":"2026-11-21","batch":0,"recipients":null}""", "no recipients")]
    [InlineData("""{"date":"2026-11-21","batch":0,"recipients":[]}""", "no recipients")]
    [InlineData("""{"date":"2026-11-21","batch":0,"recipients":[null]}""", "empty or null recipient")]
    [InlineData("""{"date":"2026-11-21","batch":-1,"recipients":["ada@example.com"]}""", "negative batch")]
    [InlineData("""["ada@example.com"]""", "not an email job")]
    public async Task SendBriefing_UnusableMessage_ThrowsWithTheReasonAndSendsNothing(string message, string reason)
    {
        var failure = await Assert.ThrowsAsync<UnusableEmailJobException>(() => app.Function<SendBriefing>().RunAsync(message, CancellationToken.None));

        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, OutboxCount());
    }

    [Fact]
    public async Task SendBriefing_BriefingNotStored_FailsSoTheQueueRetriesIt()
    {
        var message = """{"date":"2026-11-22","batch":0,"recipients":["ada@example.com"]}""";

        var failure = await Assert.ThrowsAsync<Digest.Mail.BriefingNotStoredException>(() => app.Function<SendBriefing>().RunAsync(message, CancellationToken.None));

        Assert.Contains("2026-11-22", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, OutboxCount());
    }
}

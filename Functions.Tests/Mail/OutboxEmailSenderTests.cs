using Digest.Mail;
using Digest.Storage;

namespace Digest.Tests.Mail;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "digest-outbox-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Outbox => Path.Combine(_root, "outbox");

    private static EmailMessage Message(string messageId = "briefing-2026-11-20-0123456789abcdef@digest.local", string body = "Hello") => new()
    {
        From = new MailAddress("digest@localhost", "Digest"),
        To = new MailAddress("reader@example.com"),
        Subject = "Digest for November 20, 2026",
        TextBody = body,
        HtmlBody = $"<p>{body}</p>",
        MessageId = messageId,
        Date = new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task SendAsync_NewMessage_WritesOneEmlNamedAfterTheMessageId()
    {
        var sender = new OutboxEmailSender(Outbox);

        await sender.SendAsync(Message());

        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.Equal(SafeNames.ToFileName("briefing-2026-11-20-0123456789abcdef@digest.local") + ".eml", Path.GetFileName(file));
        Assert.Equal(sender.PathFor("briefing-2026-11-20-0123456789abcdef@digest.local"), file);
        var mail = MimeMessages.Parse(await File.ReadAllBytesAsync(file));
        Assert.Equal("<briefing-2026-11-20-0123456789abcdef@digest.local>", mail.Header("Message-ID"));
        Assert.Equal("Hello", mail.Body("text/plain"));
    }

    [Fact]
    public async Task SendAsync_SameMessageIdTwice_KeepsTheFirstFileOnly()
    {
        var sender = new OutboxEmailSender(Outbox);

        await sender.SendAsync(Message(body: "First"));
        var path = Assert.Single(Directory.GetFiles(Outbox));
        var firstBytes = await File.ReadAllBytesAsync(path);
        await sender.SendAsync(Message(body: "Second"));

        Assert.Single(Directory.GetFiles(Outbox));
        Assert.Equal(firstBytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task SendAsync_SameMessageIdConcurrently_WritesOneCompleteFile()
    {
        var senders = Enumerable.Range(0, 8).Select(i => new OutboxEmailSender(Outbox).SendAsync(Message(body: $"Copy {i}")));

        await Task.WhenAll(senders);

        var path = Assert.Single(Directory.GetFiles(Outbox));
        Assert.StartsWith("Copy ", MimeMessages.Parse(await File.ReadAllBytesAsync(path)).Body("text/plain"));
    }

    [Fact]
    public async Task SendAsync_DifferentMessageIds_WritesOneFileEach()
    {
        var sender = new OutboxEmailSender(Outbox);

        await sender.SendAsync(Message("briefing-2026-11-20-aaaaaaaaaaaaaaaa@digest.local"));
        await sender.SendAsync(Message("briefing-2026-11-20-bbbbbbbbbbbbbbbb@digest.local"));

        Assert.Equal(2, Directory.GetFiles(Outbox, "*.eml").Length);
    }

    [Fact]
    public async Task SendAsync_MessageIdWithPathCharacters_StaysInsideTheOutbox()
    {
        var sender = new OutboxEmailSender(Outbox);

        await sender.SendAsync(Message("nested/path/id@digest.local"));

        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.Equal(Outbox, Path.GetDirectoryName(file));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task SendAsync_InvalidMessage_WritesNothing()
    {
        var sender = new OutboxEmailSender(Outbox);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendAsync(Message() with { Subject = "Hi\r\nBcc: x@example.com" }));

        Assert.False(Directory.Exists(Outbox) && Directory.EnumerateFileSystemEntries(Outbox).Any());
    }

    [Fact]
    public async Task SendBatchAsync_OneRecipient_WritesThatRecipientsCompleteMessage()
    {
        IEmailSender sender = new OutboxEmailSender(Outbox);
        var batch = MailTestSupport.Builder().BuildBatch(Digest.Tests.Briefings.Rendering.SampleBriefings.Typical(), ["ada@example.com"], MailTestSupport.SentAt);

        await sender.SendBatchAsync(batch);

        var mail = MimeMessages.Parse(await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Outbox))));
        Assert.Equal($"<{MailTestSupport.UnsubscribeUrl("ada@example.com")}>", mail.Header("List-Unsubscribe"));
        Assert.Contains(MailTestSupport.UnsubscribeUrl("ada@example.com"), mail.Body("text/plain"));
        Assert.Equal(1, sender.MaxBatchSize);
    }

    [Fact]
    public async Task SendBatchAsync_MoreThanOneRecipient_IsRefusedAndWritesNothing()
    {
        IEmailSender sender = new OutboxEmailSender(Outbox);
        var batch = MailTestSupport.Builder().BuildBatch(Digest.Tests.Briefings.Rendering.SampleBriefings.Typical(), ["ada@example.com", "bo@example.org"], MailTestSupport.SentAt);

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendBatchAsync(batch));

        Assert.False(Directory.Exists(Outbox));
    }
}

using System.Text;
using System.Xml.Linq;
using Azure.Core;
using Digest.Storage.AzureStorage;

namespace Digest.Tests.Storage;

/// <summary>The Queue client against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private readonly QueueClient queues = azurite.CreateAccount().Queues;
    private readonly string queue = AzuriteFixture.UniqueName("q");

    [Fact]
    public async Task CreateIfMissing_CalledTwice_CreatesOnce()
    {
        Assert.True(await queues.CreateIfMissingAsync(queue));
        Assert.False(await queues.CreateIfMissingAsync(queue));
    }

    [Fact]
    public async Task Send_StoresTheTextBase64EncodedAsTheFunctionsQueueTriggerExpects()
    {
        await queues.CreateIfMissingAsync(queue);
        const string text = "{\"to\":\"ada@example.com\",\"subject\":\"<Budget & café>\"}";

        await queues.SendAsync(queue, text);

        var connection = StorageConnection.Parse(azurite.ConnectionString);
        var raw = new StorageService(connection.QueueEndpoint!, connection, SharedKeyFlavor.BlobAndQueue, new StorageClientOptions());
        using var peek = raw.CreateMessage(RequestMethod.Get, queue + "/messages?peekonly=true");
        var response = await raw.SendAsync(peek, "peek", CancellationToken.None);
        var stored = XElement.Parse(response.Content.ToString()).Element("QueueMessage")!.Element("MessageText")!.Value;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), stored);
    }

    [Fact]
    public async Task SendReceiveDelete_LeavesTheQueueEmpty()
    {
        await queues.CreateIfMissingAsync(queue);
        await queues.SendAsync(queue, "job ü");

        var received = Assert.Single(await queues.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(30)));
        Assert.Equal(("job ü", 1), (received.Text, received.DequeueCount));
        await queues.DeleteAsync(queue, received);

        Assert.Empty(await queues.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task UpdateVisibility_ToZero_MakesTheMessageReceivableAgainAtOnce()
    {
        await queues.CreateIfMissingAsync(queue);
        await queues.SendAsync(queue, "retry me");
        var received = Assert.Single(await queues.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5)));
        Assert.Empty(await queues.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)));

        var updated = await queues.UpdateVisibilityAsync(queue, received, TimeSpan.Zero);

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        var again = Assert.Single(await queues.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5)));
        Assert.Equal((received.MessageId, 2), (again.MessageId, again.DequeueCount));
    }

    [Fact]
    public async Task Delete_WithAStalePopReceipt_ThrowsAStorageError()
    {
        await queues.CreateIfMissingAsync(queue);
        await queues.SendAsync(queue, "job");
        var received = Assert.Single(await queues.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5)));
        await queues.UpdateVisibilityAsync(queue, received, TimeSpan.FromMinutes(5));

        var stale = await Assert.ThrowsAsync<StorageException>(() => queues.DeleteAsync(queue, received));

        Assert.Equal((StorageFailure.BadRequest, 400, "PopReceiptMismatch"), (stale.Failure, stale.Status, stale.ErrorCode));
    }

    [Fact]
    public async Task Send_EncodedMessageOver64KiB_IsRefusedBeforeSending()
    {
        await queues.CreateIfMissingAsync(queue);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => queues.SendAsync(queue, new string('x', 48 * 1024 + 1)));

        Assert.Contains("65,536", refused.Message);
        Assert.Empty(await queues.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Send_MultiByteTextJustOverTheLimit_IsRefusedByItsEncodedSize()
    {
        // 16,385 three-byte characters: 49,155 UTF-8 bytes, 65,540 base64 characters.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => queues.SendAsync(queue, new string('€', 16_385)));

        Assert.Contains("65,540 base64-encoded", refused.Message);
    }

    [Fact]
    public async Task Send_EncodedMessageOfExactly64KiB_IsAccepted()
    {
        await queues.CreateIfMissingAsync(queue);

        await queues.SendAsync(queue, new string('x', 48 * 1024));

        Assert.Equal(48 * 1024, Assert.Single(await queues.ReceiveAsync(queue, 1, TimeSpan.FromSeconds(5))).Text.Length);
    }

    [Fact]
    public async Task Peek_ShowsMessagesWithoutHidingThem()
    {
        await queues.CreateIfMissingAsync(queue);
        await queues.SendAsync(queue, "first");
        await queues.SendAsync(queue, "second");

        Assert.Equal(["first", "second"], (await queues.PeekAsync(queue, 32)).Select(m => m.Text));
        Assert.Equal(2, (await queues.ReceiveAsync(queue, 32, TimeSpan.FromSeconds(30))).Count);
    }

    [Fact]
    public async Task MoveToPoison_PutsTheMessageOnQueuePoisonAndRemovesIt()
    {
        await queues.CreateIfMissingAsync(queue);
        await queues.SendAsync(queue, "poisonous");
        var received = Assert.Single(await queues.ReceiveAsync(queue, 1, TimeSpan.FromMinutes(5)));

        await queues.MoveToPoisonAsync(queue, received);

        Assert.Equal(queue + "-poison", QueueClient.PoisonQueueName(queue));
        Assert.Equal("poisonous", Assert.Single(await queues.ReceiveAsync(QueueClient.PoisonQueueName(queue), 1, TimeSpan.FromSeconds(5))).Text);
        var gone = await Assert.ThrowsAsync<StorageException>(() => queues.UpdateVisibilityAsync(queue, received, TimeSpan.Zero));
        Assert.Equal(StorageFailure.NotFound, gone.Failure);
    }

    [Fact]
    public async Task Send_ToAMissingQueue_ThrowsNotFoundWithQueueNotFound()
    {
        var missing = await Assert.ThrowsAsync<StorageException>(() => queues.SendAsync(queue, "x"));

        Assert.Equal((StorageFailure.NotFound, "QueueNotFound"), (missing.Failure, missing.ErrorCode));
    }
}

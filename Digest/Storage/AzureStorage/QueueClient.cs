using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace Digest.Storage.AzureStorage;

/// <summary>A received queue message: its decoded text, and the id and pop receipt needed to delete or hide it.</summary>
public sealed record QueueMessage(string MessageId, string PopReceipt, string Text, int DequeueCount, DateTimeOffset? NextVisibleOn);

/// <summary>
/// The Queue service operations Digest needs (Queue REST API). Message text is sent base64-encoded, which is what the
/// Azure Functions queue trigger expects by default. A message whose encoded text is over 64 KiB is refused before
/// anything is sent. Messages that failed <see cref="MaxDequeueCount"/> times belong in <c>QUEUE-poison</c>,
/// as with the Functions host.
/// </summary>
public sealed class QueueClient
{
    /// <summary>The service's limit on an (encoded) message: 64 KiB.</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    /// <summary>After this many receives a message is moved to the poison queue (the Functions host's default).</summary>
    public const int MaxDequeueCount = 5;

    private readonly StorageService service;

    internal QueueClient(StorageService service) => this.service = service;

    /// <summary>The poison queue the Functions host uses for <paramref name="queue"/>.</summary>
    public static string PoisonQueueName(string queue) => queue + "-poison";

    /// <summary>Creates the queue unless it exists. Returns true when it was created.</summary>
    public async Task<bool> CreateIfMissingAsync(string queue, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, ResourceNames.Queue(queue));
        var response = await service.SendAsync(message, $"Create queue '{queue}'", cancellationToken);
        return response.Status == 201;
    }

    /// <summary>
    /// Sends <paramref name="text"/> (base64-encoded). Throws <see cref="ArgumentException"/> before sending when the
    /// encoded message exceeds 64 KiB.
    /// </summary>
    public async Task<string> SendAsync(string queue, string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw new ArgumentException(
                $"Queue message for '{queue}' is {Encoding.UTF8.GetByteCount(text):N0} bytes ({encoded.Length:N0} base64-encoded); " +
                $"the limit is {MaxEncodedMessageBytes:N0} encoded bytes (about 48 KiB of text). Store large payloads in a blob and queue its name.",
                nameof(text));
        }

        var query = visibilityDelay is { } delay ? "?visibilitytimeout=" + Seconds(delay) : string.Empty;
        using var message = service.CreateMessage(RequestMethod.Post, ResourceNames.Queue(queue) + "/messages" + query);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(
            $"<QueueMessage><MessageText>{SecurityElement.Escape(encoded)}</MessageText></QueueMessage>"));
        var response = await service.SendAsync(message, $"Send message to queue '{queue}'", cancellationToken);
        return XElement.Parse(response.Content.ToString()).Element("QueueMessage")!.Element("MessageId")!.Value;
    }

    /// <summary>Receives up to <paramref name="count"/> (1-32) messages, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int count, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 32);
        var path = $"{ResourceNames.Queue(queue)}/messages?numofmessages={count.ToString(CultureInfo.InvariantCulture)}&visibilitytimeout={Seconds(visibilityTimeout)}";
        using var message = service.CreateMessage(RequestMethod.Get, path);
        var response = await service.SendAsync(message, $"Receive from queue '{queue}'", cancellationToken);
        return ReadMessages(response);
    }

    /// <summary>Up to <paramref name="count"/> (1-32) messages from the front of the queue, without hiding them (no pop receipts).</summary>
    public async Task<IReadOnlyList<QueueMessage>> PeekAsync(string queue, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 32);
        using var message = service.CreateMessage(RequestMethod.Get, $"{ResourceNames.Queue(queue)}/messages?peekonly=true&numofmessages={count.ToString(CultureInfo.InvariantCulture)}");
        var response = await service.SendAsync(message, $"Peek queue '{queue}'", cancellationToken);
        return ReadMessages(response);
    }

    /// <summary>Deletes a received message. A stale pop receipt throws <see cref="StorageFailure.NotFound"/>.</summary>
    public async Task DeleteAsync(string queue, QueueMessage received, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Delete, MessagePath(queue, received));
        await service.SendAsync(message, $"Delete message {received.MessageId} from queue '{queue}'", cancellationToken);
    }

    /// <summary>Hides (or reveals, with zero) a received message for <paramref name="visibilityTimeout"/>; returns it with its new pop receipt.</summary>
    public async Task<QueueMessage> UpdateVisibilityAsync(string queue, QueueMessage received, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        using var message = service.CreateMessage(RequestMethod.Put, MessagePath(queue, received) + "&visibilitytimeout=" + Seconds(visibilityTimeout));
        var response = await service.SendAsync(message, $"Update visibility of message {received.MessageId} in queue '{queue}'", cancellationToken);
        response.Headers.TryGetValue("x-ms-popreceipt", out var receipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var next);
        return received with
        {
            PopReceipt = receipt ?? received.PopReceipt,
            NextVisibleOn = next is null ? null : DateTimeOffset.Parse(next, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Moves a message that keeps failing to <c>QUEUE-poison</c> (created if missing) and deletes it from its queue.</summary>
    public async Task MoveToPoisonAsync(string queue, QueueMessage received, CancellationToken cancellationToken = default)
    {
        var poison = PoisonQueueName(queue);
        await CreateIfMissingAsync(poison, cancellationToken);
        await SendAsync(poison, received.Text, cancellationToken: cancellationToken);
        await DeleteAsync(queue, received, cancellationToken);
    }

    private static QueueMessage[] ReadMessages(Azure.Response response) =>
        XElement.Parse(response.Content.ToString()).Elements("QueueMessage")
            .Select(m => new QueueMessage(
                m.Element("MessageId")!.Value,
                m.Element("PopReceipt")?.Value ?? string.Empty,
                Encoding.UTF8.GetString(Convert.FromBase64String(m.Element("MessageText")?.Value ?? string.Empty)),
                int.Parse(m.Element("DequeueCount")?.Value ?? "1", CultureInfo.InvariantCulture),
                m.Element("TimeNextVisible") is { } next ? DateTimeOffset.Parse(next.Value, CultureInfo.InvariantCulture) : null))
            .ToArray();

    private static string MessagePath(string queue, QueueMessage received) =>
        $"{ResourceNames.Queue(queue)}/messages/{Uri.EscapeDataString(received.MessageId)}?popreceipt={Uri.EscapeDataString(received.PopReceipt)}";

    private static string Seconds(TimeSpan span) => ((long)Math.Ceiling(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

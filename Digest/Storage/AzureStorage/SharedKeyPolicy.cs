using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Signs every attempt of a request with Shared Key: sets <c>x-ms-date</c> to the attempt's time and the
/// <c>Authorization: SharedKey account:signature</c> header. Runs per retry, so a retried request gets a fresh date.
/// </summary>
public sealed class SharedKeyPolicy(StorageSharedKey key, SharedKeyFlavor flavor, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        long length = 0;
        if (request.Content is { } content && !content.TryComputeLength(out length))
        {
            throw new InvalidOperationException("Shared Key signing needs a request body of known length.");
        }

        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value));
        var stringToSign = SharedKeyStringToSign.Build(flavor, key.AccountName, request.Method.Method, request.Uri.ToUri(), headers, length);
        request.Headers.SetValue("Authorization", $"SharedKey {key.AccountName}:{key.Sign(stringToSign)}");
    }
}

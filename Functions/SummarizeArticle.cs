using Digest.Summaries;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>
/// Summarizes each article uploaded to <c>articles/</c> (Event Grid delivers the blob-created event). A bad article is
/// recorded as rejected and the invocation succeeds, since retrying cannot fix it; a redelivered event for an article
/// already summarized with the same content does nothing. The blob comes as a stream, so no more than the size limit
/// plus one byte is ever read, however large the upload.
/// </summary>
public sealed class SummarizeArticle(SummarizeArticleHandler handler)
{
    [Function(nameof(SummarizeArticle))]
    public async Task RunAsync(
        [BlobTrigger(Bindings.ArticlesPath, Source = BlobTriggerSource.EventGrid, Connection = Bindings.StorageConnection)] Stream content,
        string name,
        CancellationToken cancellationToken) =>
        await handler.HandleAsync(name, content, cancellationToken);
}

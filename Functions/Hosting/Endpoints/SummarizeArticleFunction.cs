using Digest.Summaries;

namespace Digest.Hosting.Endpoints;

/// <summary>
/// <c>SummarizeArticle</c>: blob trigger on <c>articles/{name}</c> (Event Grid source, binary data). A bad article is
/// recorded as rejected and the invocation still succeeds, since retrying cannot fix it; a re-delivered event for
/// an article already summarized does nothing.
/// </summary>
public sealed class SummarizeArticleFunction(SummarizeArticleHandler handler)
{
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        using var logs = InvocationLogs.Begin();
        var name = request.MetadataString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidInvocationException("Metadata.name (the blob name from articles/{name}) is missing.");
        }

        var outcome = await handler.HandleAsync(name, request.Binary(FunctionCatalog.ArticleBinding), cancellationToken);
        return new InvocationResponse { Logs = logs.Lines, ReturnValue = outcome.Result.ToString() };
    }
}

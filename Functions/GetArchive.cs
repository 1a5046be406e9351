using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>The archive: every briefing by date, newest first, <c>/api/archive?page=N</c>.</summary>
public sealed class GetArchive(BriefingPages pages)
{
    [Function(nameof(GetArchive))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebRoutes.Archive)] HttpRequest request, CancellationToken cancellationToken) =>
        pages.ArchiveAsync(request.Query["page"], cancellationToken);
}

using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary>The web edition of a briefing: <c>/api/briefings/{date}</c> or <c>/api/briefings/latest</c>, <c>?page=N</c> for its later pages.</summary>
public sealed class GetBriefing(BriefingPages pages)
{
    [Function(nameof(GetBriefing))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebRoutes.Briefing)] HttpRequest request, string date, CancellationToken cancellationToken) =>
        pages.InvokeAsync(date, request.Query["page"], cancellationToken);
}

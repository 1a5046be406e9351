using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary><c>GET /api/health</c>: 200 when the app is up and its email sender can send; 503 naming what is wrong.</summary>
public sealed class Health(HealthCheck check)
{
    [Function(nameof(Health))]
    public Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebRoutes.Health)] HttpRequest request, CancellationToken cancellationToken) =>
        check.InvokeAsync(cancellationToken);
}

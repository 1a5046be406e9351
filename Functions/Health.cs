using Digest.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Digest.Functions;

/// <summary><c>GET /api/health</c>: answers when the app is up and its settings were valid at start.</summary>
public sealed class Health(TimeProvider time)
{
    [Function(nameof(Health))]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebRoutes.Health)] HttpRequest request) => HealthCheck.Invoke(time);
}

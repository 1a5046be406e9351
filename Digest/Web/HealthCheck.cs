namespace Digest.Web;

/// <summary><c>GET /api/health</c>: answers when the handler is up and its settings were valid at start.</summary>
public static class HealthCheck
{
    public static IResult Invoke(TimeProvider time) => Results.Ok(new { status = "ok", time = time.GetUtcNow() });
}

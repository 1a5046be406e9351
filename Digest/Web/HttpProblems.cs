using Microsoft.AspNetCore.Http;

namespace Digest.Web;

/// <summary>
/// The one place Digest's HTTP errors are shaped, as RFC 9457 problem details: a request that is at fault gets a 4xx
/// with a clear title and detail; anything else a 500 that names no internals (the fault is logged by the caller).
/// </summary>
public static class HttpProblems
{
    public static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
        _ => (StatusCodes.Status500InternalServerError, "The request failed", "Digest could not complete the request. Please try again later."),
    };

    public static IResult ToResult(Exception exception)
    {
        var (status, title, detail) = Describe(exception);
        return Results.Problem(statusCode: status, title: title, detail: detail);
    }
}

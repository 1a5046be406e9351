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
        Storage.DamagedRecordException damaged => (StatusCodes.Status500InternalServerError, "Stored data is damaged",
            $"Digest's stored {damaged.Kind} '{damaged.Item}' is damaged, so the request could not be completed. This is not a fault of the request; an operator has to repair or delete that record."),
        _ => (StatusCodes.Status500InternalServerError, "The request failed", "Digest could not complete the request. Please try again later."),
    };

    public static IResult ToResult(Exception exception)
    {
        var (status, title, detail) = Describe(exception);
        return Results.Problem(statusCode: status, title: title, detail: detail);
    }
}

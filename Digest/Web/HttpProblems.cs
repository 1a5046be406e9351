using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Digest.Web;

/// <summary>
/// The one place Digest's HTTP errors are shaped: a request that is at fault gets a 4xx with a clear title and detail;
/// anything else a 500 that names no internals (the fault is logged by the caller). API clients get RFC 9457 problem
/// details; a browser (a form post, or a page asked for as HTML) gets a page with the same plain message.
/// </summary>
public static class HttpProblems
{
    public static (int Status, string Title, string Detail) Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (StatusCodes.Status413PayloadTooLarge, "Too much data",
            "What was sent is far longer than an email address. Please check the address and try again."),
        BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
        Storage.DamagedRecordException damaged => (StatusCodes.Status500InternalServerError, "Stored data is damaged",
            $"Digest's stored {damaged.Kind} '{damaged.Item}' is damaged, so the request could not be completed. This is not a fault of the request; an operator has to repair or delete that record."),
        _ => (StatusCodes.Status500InternalServerError, "The request failed", "Digest could not complete the request. Please try again later."),
    };

    /// <summary>The answer to a request that failed with <paramref name="exception"/>: a page or problem details.</summary>
    public static IResult ToResult(Exception exception, HttpRequest? request = null)
    {
        var (status, title, detail) = Describe(exception);
        return Problem(request, status, title, detail);
    }

    /// <summary>An error answer shaped for the client: an HTML page for browsers, problem details otherwise.</summary>
    public static IResult Problem(HttpRequest? request, int status, string title, string detail)
    {
        if (request is null || !WantsHtml(request))
        {
            return ResponseHeaders.WithHeaders(Results.Problem(statusCode: status, title: title, detail: detail));
        }

        // A form that was refused: the page leads back to it (the form's GET is on the same route).
        var back = request.HasFormContentType && HttpMethods.IsPost(request.Method)
            ? $"<p><a href=\"{Pages.Encode(request.PathBase + request.Path)}\">Back to the form</a></p>\n"
            : string.Empty;
        return Pages.Html(status, title, $"<p>{Pages.Encode(detail)}</p>\n{back}");
    }

    /// <summary>
    /// True for a browser: a form post (urlencoded or multipart), or a request without a JSON body whose
    /// <c>Accept</c> names <c>text/html</c>. A client that sends JSON keeps getting problem details.
    /// </summary>
    public static bool WantsHtml(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            return true;
        }

        if (MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) &&
            (contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Digest.Hosting;

/// <summary>
/// Shapes every error the handler returns, in one place, as RFC 9457 problem details: bad requests from the host or
/// a browser get a 4xx with a clear title and detail; anything else a 500 that names no internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            InvalidInvocationException invalid => (StatusCodes.Status400BadRequest, "Invalid invocation", invalid.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            JsonException => (StatusCodes.Status400BadRequest, "Malformed JSON", "The request body is not valid JSON."),
            InvalidDataException => (StatusCodes.Status400BadRequest, "Malformed form", "The request body is not a valid form."),
            _ => (StatusCodes.Status500InternalServerError, "The invocation failed", "The handler could not complete the request; it will be retried where the trigger allows."),
        };

        if (status >= 500)
        {
            LogFailed(exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation of {Path} failed")]
    private partial void LogFailed(Exception exception, PathString path);
}

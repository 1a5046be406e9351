using Digest.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Digest.Functions;

/// <summary>
/// Shapes the errors of the HTTP functions in one place (<see cref="HttpProblems"/>: pages for browsers, problem details for API clients): a bad request
/// is a 4xx that says what is wrong, anything else a logged 500 that names no internals. Other triggers are left to
/// fail, so the runtime retries them and poison queues work.
/// </summary>
public sealed partial class HttpProblemsMiddleware(ILogger<HttpProblemsMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is { } answering)
        {
            // Whatever the function answers carries the headers every answer carries (ResponseHeaders).
            answering.Response.OnStarting(() =>
            {
                ResponseHeaders.AddMissing(answering.Response);
                return Task.CompletedTask;
            });
        }

        try
        {
            await next(context);
        }
        catch (Exception failure) when (context.GetHttpContext() is { } http && !http.Response.HasStarted)
        {
            var inner = failure is AggregateException { InnerException: { } single } ? single : failure;
            var result = HttpProblems.ToResult(inner, http.Request);
            if (HttpProblems.Describe(inner).Status >= 500)
            {
                LogFailed(inner, context.FunctionDefinition.Name);
            }

            await result.ExecuteAsync(http);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "HTTP function {Function} failed")]
    private partial void LogFailed(Exception exception, string function);
}

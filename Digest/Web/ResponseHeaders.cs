using Microsoft.AspNetCore.Builder;

namespace Digest.Web;

/// <summary>
/// The headers every answer of Digest carries, whatever made it: <c>X-Content-Type-Options: nosniff</c> (a browser
/// never guesses another type than the one declared) and a <c>Cache-Control</c> (<see cref="Pages.Personal"/> unless
/// the answer is a public page that says otherwise). Pages set them themselves (<see cref="Pages.PageResult"/>), JSON
/// answers through <see cref="Json"/> and <see cref="WithHeaders"/>, and <see cref="UseDigestResponseHeaders"/> adds
/// them to anything else a host answers (an empty 404 or 405 from routing).
/// </summary>
public static class ResponseHeaders
{
    public const string NoSniff = "nosniff";

    /// <summary><paramref name="value"/> as JSON with the headers, kept out of every cache.</summary>
    public static IResult Json(object value, int status) => WithHeaders(Results.Json(value, statusCode: status));

    /// <summary><paramref name="inner"/> with the headers every answer carries.</summary>
    public static IResult WithHeaders(IResult inner, string cacheControl = Pages.Personal) => new Protected(inner, cacheControl);

    /// <summary>Adds the headers an answer has not set itself; a public page keeps its own <c>Cache-Control</c>.</summary>
    public static void AddMissing(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.XContentTypeOptions))
        {
            response.Headers.XContentTypeOptions = NoSniff;
        }

        if (!response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
        {
            response.Headers.CacheControl = Pages.Personal;
        }
    }

    /// <summary>For a plain ASP.NET Core host (<c>serve</c>): every answer gets the headers, also those no handler made.</summary>
    public static IApplicationBuilder UseDigestResponseHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                AddMissing(context.Response);
                return Task.CompletedTask;
            });
            await next(context);
        });

    private sealed class Protected(IResult inner, string cacheControl) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.XContentTypeOptions = NoSniff;
            httpContext.Response.Headers.CacheControl = cacheControl;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

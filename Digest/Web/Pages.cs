using System.Net;

namespace Digest.Web;

/// <summary>
/// The small pages people see when they follow a link from an email: plain HTML, every value escaped, no scripts, no
/// cookies, not cached, and a content security policy that allows nothing but inline styles and same-origin forms.
/// </summary>
public static class Pages
{
    public const string SecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <param name="oneClick">Adds RFC 8058's <c>List-Unsubscribe=One-Click</c> field to the form.</param>
    public static IResult Message(int status, string title, string text, string? formAction = null, string? buttonText = null, bool oneClick = false)
    {
        var hidden = oneClick ? """<input type="hidden" name="List-Unsubscribe" value="One-Click">""" : string.Empty;
        var form = formAction is null ? string.Empty
            : $"""<form method="post" action="{WebUtility.HtmlEncode(formAction)}">{hidden}<button type="submit" style="font:inherit;padding:10px 18px;border:0;border-radius:4px;background:#1a4fd6;color:#fff;cursor:pointer">{WebUtility.HtmlEncode(buttonText)}</button></form>""";
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>{WebUtility.HtmlEncode(title)} · Digest</title></head>
            <body style="margin:0;padding:32px 16px;font-family:Helvetica,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#f4f4f4">
            <main style="max-width:520px;margin:0 auto;padding:28px;background:#fff;border-radius:6px">
            <h1 style="margin:0 0 12px;font-size:22px">{WebUtility.HtmlEncode(title)}</h1>
            <p style="margin:0 0 20px">{WebUtility.HtmlEncode(text)}</p>
            {form}
            </main>
            </body>
            </html>
            """;
        return new PageResult(status, html);
    }

    /// <summary>An HTML page with the headers every page of Digest carries.</summary>
    public sealed class PageResult(int status, string html) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentSecurityPolicy = SecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            await response.WriteAsync(html);
        }
    }
}

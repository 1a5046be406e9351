using System.Net;
using System.Text;

namespace Digest.Web;

/// <summary>
/// The small pages of Digest's web side (subscribe, check your inbox, confirm, unsubscribe, archive, error pages):
/// plain HTML that works without JavaScript, every value escaped, no scripts, no cookies, readable at 320 px and in
/// dark mode, with a content security policy that allows nothing but inline styles and same-origin forms. Each page
/// links to the latest briefing, the archive and the subscribe page.
/// </summary>
public static class Pages
{
    public const string SecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Personal pages (links with a reader's token, answers to a form) are never stored by a cache.</summary>
    public const string Personal = "no-store";

    /// <summary>Colours meet WCAG AA contrast in both schemes; the dark scheme follows the reader's setting.</summary>
    private const string Style = """
        :root{color-scheme:light dark}
        body{margin:0;padding:24px 12px;font:16px/1.5 Helvetica,Arial,sans-serif;color:#18181b;background:#f4f4f5}
        main{max-width:560px;margin:0 auto;padding:24px;background:#fff;border-radius:6px;overflow-wrap:break-word}
        h1{margin:0 0 12px;font-size:22px;line-height:1.3}
        p{margin:0 0 16px}
        a{color:#1d4ed8}
        nav{max-width:560px;margin:0 auto 12px;font-size:14px}
        nav a{margin-right:12px}
        label{display:block;margin:0 0 4px;font-weight:bold}
        input{box-sizing:border-box;width:100%;margin:0 0 16px;padding:10px;font:inherit;color:#18181b;background:#fff;border:1px solid #71717a;border-radius:4px}
        button{padding:10px 18px;font:inherit;font-weight:bold;color:#fff;background:#1d4ed8;border:0;border-radius:4px;cursor:pointer}
        .hint{font-size:14px;color:#52525b}
        ol,ul{padding-left:20px}
        li{margin:0 0 12px}
        @media (prefers-color-scheme:dark){
        body{color:#e4e4e7;background:#18181b}
        main{background:#27272a}
        a{color:#93c5fd}
        input{color:#e4e4e7;background:#18181b;border-color:#a1a1aa}
        button{background:#2563eb}
        .hint{color:#a1a1aa}
        }
        """;

    /// <param name="oneClick">Adds RFC 8058's <c>List-Unsubscribe=One-Click</c> field to the form.</param>
    public static IResult Message(int status, string title, string text, string? formAction = null, string? buttonText = null, bool oneClick = false)
    {
        var body = new StringBuilder().Append("<p>").Append(Encode(text)).Append("</p>\n");
        if (formAction is not null)
        {
            var hidden = oneClick ? """<input type="hidden" name="List-Unsubscribe" value="One-Click">""" : string.Empty;
            body.Append("<form method=\"post\" action=\"").Append(Encode(formAction)).Append("\">").Append(hidden)
                .Append("<button type=\"submit\">").Append(Encode(buttonText ?? "Continue")).Append("</button></form>\n");
        }

        return Html(status, title, body.ToString());
    }

    /// <summary>A page titled <paramref name="title"/> around <paramref name="bodyHtml"/>, which must be escaped already.</summary>
    /// <param name="cacheControl">The <c>Cache-Control</c> header: <see cref="Personal"/> unless the page is public.</param>
    public static IResult Html(int status, string title, string bodyHtml, string cacheControl = Personal) =>
        new PageResult(status, Document(title, bodyHtml), cacheControl);

    private static string Document(string title, string bodyHtml) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{Encode(title)} · Digest</title>
        <style>{Style}</style>
        </head>
        <body>
        <nav aria-label="Digest"><a href="/api/briefings/latest">Latest briefing</a><a href="/api/archive">Archive</a><a href="/api/subscribe">Subscribe</a></nav>
        <main>
        <h1>{Encode(title)}</h1>
        {bodyHtml}
        </main>
        </body>
        </html>
        """;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>An HTML page with the headers every page of Digest carries.</summary>
    public sealed class PageResult(int status, string html, string cacheControl = Personal) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = cacheControl;
            response.Headers.ContentSecurityPolicy = SecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            await response.WriteAsync(html);
        }
    }
}

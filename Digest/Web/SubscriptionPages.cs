using System.Text.Json;
using Digest.Mail;
using Digest.Storage;
using Digest.Subscribers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Web;

/// <summary>
/// Subscribing with double opt-in, confirming and unsubscribing — no login and no cookies, every link signed.
/// The pending subscription lives only in the signed confirmation link (valid for 48 hours), so nothing is stored
/// about an address until its owner confirms; confirming twice or unsubscribing twice is harmless.
/// </summary>
public sealed partial class SubscriptionPages(
    ISubscriberDirectory directory,
    SubscriberTokens tokens,
    BriefingEmailBuilder emails,
    IEmailSender sender,
    IOptions<MailOptions> mail,
    SubscribeLimits limits,
    TimeProvider time,
    ILogger<SubscriptionPages> logger)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);

    private readonly RecentAddresses recentConfirmations = new(TimeSpan.FromMinutes(15));

    private const int MaxBodyBytes = 4096;

    /// <summary>The longest name the form takes.</summary>
    public const int MaxNameLength = 100;

    /// <summary><c>GET /api/subscribe</c>: the subscribe form (email address, optional name); works without JavaScript.</summary>
    public IResult SubscribePage(HttpRequest request)
    {
        var action = Pages.Encode(request.PathBase + request.Path);
        var body = $"""
            <p>One short email every morning with the day's news: every story told once, every sentence with its source.</p>
            <form method="post" action="{action}">
            <label for="email">Email address</label>
            <input id="email" name="email" type="email" autocomplete="email" required maxlength="254">
            <label for="name">Name (optional)</label>
            <input id="name" name="name" type="text" autocomplete="name" maxlength="{MaxNameLength}">
            <button type="submit">Subscribe</button>
            </form>
            <p class="hint">We send one email to confirm the address; nothing is stored until you confirm. Every briefing has a link to unsubscribe.</p>
            """;
        return Pages.Html(StatusCodes.Status200OK, "Subscribe to Digest", body);
    }

    /// <summary>
    /// <c>POST /api/subscribe</c> with JSON <c>{"email": "...", "name": "..."}</c> (answered as JSON and problem
    /// details) or the form's fields <c>email</c> and <c>name</c> (answered with pages).
    /// </summary>
    public async Task<IResult> SubscribeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (limits.TryAcquire(request) is { } tooMany)
        {
            return tooMany;
        }

        var (email, name) = await ReadSubscriptionAsync(request, cancellationToken);
        if (email is null)
        {
            return HttpProblems.Problem(request, StatusCodes.Status400BadRequest, "No email address",
                HttpProblems.WantsHtml(request) ? "Please enter your email address." : "Send {\"email\": \"you@example.com\"} as JSON or an 'email' form field.");
        }

        if (EmailAddressRules.PublicDomainProblem(email) is not null)
        {
            return HttpProblems.Problem(request, StatusCodes.Status400BadRequest, "Not a public address",
                "Digest sends only to addresses on a public domain, such as you@example.com: not localhost, a name without a dot, .local or .internal, or an IP address.");
        }

        if (!EmailAddressRules.IsValid(email))
        {
            return HttpProblems.Problem(request, StatusCodes.Status400BadRequest, "Invalid email address",
                "The email address is not valid. Please enter one address such as you@example.com, without spaces, line breaks or other text.");
        }

        if (name is not null && (name.Length > MaxNameLength || name.Any(char.IsControl) || name.IndexOfAny(['<', '>']) >= 0))
        {
            return HttpProblems.Problem(request, StatusCodes.Status400BadRequest, "Invalid name",
                $"A name has at most {MaxNameLength} characters on one line, without < or >. You can also leave it empty.");
        }

        if (!recentConfirmations.TryClaim(email, time.GetUtcNow()))
        {
            // Asked again within minutes: the email on its way will do; the answer is the same, so it reveals nothing.
            return Accepted(request);
        }

        var token = tokens.Create(SubscriberTokens.Confirm, email, time.GetUtcNow() + ConfirmationLifetime, name);
        await sender.SendAsync(emails.BuildConfirmation(email, $"{BaseUrl}/api/confirm?token={token}"), cancellationToken);
        LogConfirmationSent();
        return Accepted(request);
    }

    private static IResult Accepted(HttpRequest request) =>
        HttpProblems.WantsHtml(request)
            ? Pages.Html(StatusCodes.Status202Accepted, "Check your inbox",
                "<p>We sent you an email with a link to confirm your subscription. The link is valid for 48 hours.</p>\n" +
                "<p class=\"hint\">Nothing arrived after a few minutes? Look in your spam folder, or subscribe again.</p>\n")
            : ResponseHeaders.Json(new { status = "pending", message = "Check your inbox: the confirmation link is valid for 48 hours." }, StatusCodes.Status202Accepted);

    /// <summary>
    /// <c>GET /api/confirm?token=...</c>: the link from the confirmation email shows a page with a button; a GET never
    /// subscribes, because mail scanners follow links and someone may have typed another person's address.
    /// </summary>
    public IResult ConfirmPage(HttpRequest request, string? token) => CheckConfirmation(token) switch
    {
        { Status: TokenStatus.Valid } => Pages.Message(StatusCodes.Status200OK, "Confirm your subscription", "Press the button to get Digest's daily briefing by email.", request.Path + request.QueryString, "Subscribe"),
        { Status: TokenStatus.Expired } => ExpiredConfirmation(),
        _ => InvalidConfirmation(),
    };

    /// <summary><c>POST /api/confirm?token=...</c>: the page's button; adds the reader (again harmless).</summary>
    public async Task<IResult> ConfirmAsync(string? token, CancellationToken cancellationToken)
    {
        var check = CheckConfirmation(token);
        switch (check.Status)
        {
            case TokenStatus.Valid:
                await directory.AddSubscriberAsync(new Subscriber(check.Email!, check.Name), cancellationToken);
                LogConfirmed();
                return Pages.Message(StatusCodes.Status200OK, "You are subscribed", "Digest's daily briefing will arrive in your inbox every morning. Every email has a link to unsubscribe.");
            case TokenStatus.Expired:
                return ExpiredConfirmation();
            default:
                return InvalidConfirmation();
        }
    }

    private TokenCheck CheckConfirmation(string? token) =>
        string.IsNullOrEmpty(token) ? new TokenCheck(TokenStatus.Invalid, null) : tokens.Check(SubscriberTokens.Confirm, token, time.GetUtcNow());

    private static IResult ExpiredConfirmation() =>
        Pages.Message(StatusCodes.Status410Gone, "This link has expired", "Confirmation links are valid for 48 hours. Please subscribe again to get a new one.");

    private static IResult InvalidConfirmation() =>
        Pages.Message(StatusCodes.Status400BadRequest, "This link is not valid", "The confirmation link is incomplete or has been changed. Please use the link from the email as it is.");

    /// <summary><c>GET /api/unsubscribe?token=...</c>: a page with a button; a GET never unsubscribes (mail scanners follow links).</summary>
    public IResult UnsubscribePage(HttpRequest request, string? token) =>
        UnsubscribeEmail(token) is null
            ? InvalidUnsubscribeLink()
            : Pages.Message(StatusCodes.Status200OK, "Unsubscribe from Digest?", "You will no longer get the daily briefing.", request.Path + request.QueryString, "Unsubscribe", oneClick: true);

    /// <summary><c>POST /api/unsubscribe?token=...</c>: RFC 8058 one-click (<c>List-Unsubscribe=One-Click</c>) or the page's button.</summary>
    public async Task<IResult> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        if (UnsubscribeEmail(token) is not { } email)
        {
            return InvalidUnsubscribeLink();
        }

        var removed = await directory.RemoveSubscriberAsync(email, cancellationToken);
        LogUnsubscribed(removed);
        return Pages.Message(StatusCodes.Status200OK, "You are unsubscribed", "You will not get Digest's daily briefing any more. Changed your mind? You can subscribe again at any time.");
    }

    private string BaseUrl => mail.Value.PublicBaseUrl.TrimEnd('/');

    private string? UnsubscribeEmail(string? token) => token is null ? null : tokens.Verify(SubscriberTokens.Unsubscribe, token);

    private static IResult InvalidUnsubscribeLink() =>
        Pages.Message(StatusCodes.Status400BadRequest, "This link is not valid", "The unsubscribe link is incomplete or has been changed. Please use the link from the email as it is.");

    private static async Task<(string? Email, string? Name)> ReadSubscriptionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException($"The request body is over {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        // Also for bodies without a length (chunked): the server stops reading past the cap and answers 413.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(cancellationToken);
                return (NullIfEmpty(form["email"].FirstOrDefault()), NullIfEmpty(form["name"].FirstOrDefault()));
            }
            catch (InvalidDataException malformed)
            {
                throw new BadHttpRequestException($"The request body is not a valid form: {malformed.Message}");
            }
        }

        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return json.RootElement.ValueKind == JsonValueKind.Object
                ? (StringProperty(json.RootElement, "email"), StringProperty(json.RootElement, "name"))
                : (null, null);
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.");
        }
    }

    private static string? StringProperty(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? NullIfEmpty(value.GetString()) : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // No address in any log line: the counts and outcomes are enough to operate the service.
    [LoggerMessage(Level = LogLevel.Information, Message = "Sent a subscription confirmation email")]
    private partial void LogConfirmationSent();

    [LoggerMessage(Level = LogLevel.Information, Message = "A subscription was confirmed")]
    private partial void LogConfirmed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribed a reader (was subscribed: {WasSubscribed})")]
    private partial void LogUnsubscribed(bool wasSubscribed);

    /// <summary>
    /// Addresses (as hashes, never in clear) sent a confirmation recently, so one address gets at most one
    /// confirmation email per interval however often it is submitted. Per instance, bounded in size.
    /// </summary>
    private sealed class RecentAddresses(TimeSpan interval)
    {
        private const int MaxEntries = 100_000;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> sent = new(StringComparer.Ordinal);

        public bool TryClaim(string email, DateTimeOffset now)
        {
            if (sent.Count > MaxEntries)
            {
                sent.Clear();
            }

            var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
            while (true)
            {
                if (!sent.TryGetValue(key, out var last))
                {
                    if (sent.TryAdd(key, now))
                    {
                        return true;
                    }
                }
                else if (now - last < interval)
                {
                    return false;
                }
                else if (sent.TryUpdate(key, now, last))
                {
                    return true;
                }
            }
        }
    }
}

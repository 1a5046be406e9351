using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Briefings;
using Digest.Briefings.Rendering;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>
/// Turns a day's briefing into the email for one subscriber: subject, HTML and plain-text bodies (without the
/// editors' report), a web view link, one-click unsubscribe headers, and a Message-ID derived from the briefing
/// date and the recipient, so the same briefing to the same person always has the same id.
/// </summary>
public sealed class BriefingEmailBuilder
{
    /// <summary>Subjects longer than this are cut at a word and end with an ellipsis.</summary>
    public const int MaxSubjectLength = 120;

    private const string FallbackMessageIdDomain = "digest.local";

    private readonly MailOptions _options;
    private readonly string _baseUrl;
    private readonly string _messageIdDomain;

    /// <exception cref="ValidationException">The options break their validation rules.</exception>
    public BriefingEmailBuilder(IOptions<MailOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        Validator.ValidateObject(_options, new ValidationContext(_options), validateAllProperties: true);
        EmailAddressRules.EnsureValid(_options.FromAddress, nameof(MailOptions.FromAddress));
        if (_options.ReplyTo is not null)
        {
            EmailAddressRules.EnsureValid(_options.ReplyTo, nameof(MailOptions.ReplyTo));
        }

        var baseUri = new Uri(_options.PublicBaseUrl, UriKind.Absolute);
        _baseUrl = baseUri.AbsoluteUri.TrimEnd('/');
        _messageIdDomain = baseUri.HostNameType == UriHostNameType.Dns && baseUri.Host.Contains('.')
            ? baseUri.IdnHost
            : FallbackMessageIdDomain;
    }

    /// <summary>Builds the email of <paramref name="briefing"/> for <paramref name="recipientEmail"/>.</summary>
    /// <param name="briefing">The day's briefing (with at least one story; an empty day is not sent).</param>
    /// <param name="recipientEmail">The subscriber's address.</param>
    /// <param name="unsubscribeUrl">The subscriber's one-click unsubscribe URL (absolute http or https).</param>
    /// <param name="sentAt">The Date of the email.</param>
    /// <exception cref="ArgumentException">The address or unsubscribe URL is not valid.</exception>
    public EmailMessage Build(Briefing briefing, string recipientEmail, string unsubscribeUrl, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        EmailAddressRules.EnsureValid(recipientEmail, "Recipient");
        var unsubscribe = SafeLinks.Normalize(unsubscribeUrl)
            ?? throw new ArgumentException($"Unsubscribe URL '{unsubscribeUrl}' must be an absolute http or https URL.", nameof(unsubscribeUrl));

        var isoDate = briefing.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var links = new BriefingLinks(
            WebViewUrl: $"{_baseUrl}/api/briefings/{isoDate}",
            UnsubscribeUrl: unsubscribe,
            FooterReason: $"You are receiving this email because you subscribed to the {BriefingWording.Brand} daily briefing.",
            PostalAddress: _options.PostalAddress);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        if (_options.ReplyTo is not null)
        {
            headers["Reply-To"] = _options.ReplyTo;
        }

        return new EmailMessage
        {
            From = new MailAddress(_options.FromAddress, _options.FromName),
            To = new MailAddress(recipientEmail),
            Subject = Subject(briefing),
            TextBody = BriefingTextRenderer.Render(briefing, links),
            HtmlBody = BriefingHtmlRenderer.Render(briefing, links),
            MessageId = MessageId(isoDate, recipientEmail),
            Date = sentAt,
            Headers = headers,
        };
    }

    private static string Subject(Briefing briefing)
    {
        var subject = $"{BriefingWording.Brand} for {briefing.Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}";
        if (briefing.Stories.Count > 0)
        {
            subject += $": {InlineText.Clean(briefing.Stories[0].Headline)}";
        }

        return Shorten(subject);
    }

    private static string Shorten(string subject)
    {
        if (subject.Length <= MaxSubjectLength)
        {
            return subject;
        }

        var cut = subject.LastIndexOf(' ', MaxSubjectLength - 1);
        var end = cut > MaxSubjectLength / 2 ? cut : MaxSubjectLength - 1;
        if (char.IsHighSurrogate(subject[end - 1]))
        {
            end--;
        }

        return subject[..end].TrimEnd() + "\u2026";
    }

    private string MessageId(string isoDate, string recipientEmail)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(recipientEmail.ToLowerInvariant()));
        return $"briefing-{isoDate}-{Convert.ToHexStringLower(hash)[..16]}@{_messageIdDomain}";
    }
}

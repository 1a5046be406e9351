using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Digest.Briefings;
using Digest.Briefings.Rendering;
using Digest.Subscribers;
using Microsoft.Extensions.Options;

namespace Digest.Mail;

/// <summary>
/// Turns a day's briefing into email: subject with the date and top headline, HTML and plain-text bodies (without the
/// editors' report), a web view link, one-click unsubscribe links and headers per reader, and a Message-ID derived
/// from the briefing date and the recipient, so the same briefing to the same person always has the same id. Also
/// builds the confirmation email of double opt-in.
/// </summary>
public sealed class BriefingEmailBuilder
{
    /// <summary>Subjects longer than this are cut at a word and end with an ellipsis.</summary>
    public const int MaxSubjectLength = 120;

    /// <summary>
    /// Most bytes of a briefing email's HTML part (Gmail clips a message past 102 KB, and with it the footer and the
    /// unsubscribe link). Stories are left to the web edition until the email fits, with room kept for each reader's
    /// unsubscribe token.
    /// </summary>
    public const int MaxHtmlBytes = 100 * 1024;

    /// <summary>Sources named under a story in the email; the web edition names more.</summary>
    public const int SourcesPerStory = 8;

    /// <summary>Room kept below <see cref="MaxHtmlBytes"/> for the reader's token, which replaces a shorter tag.</summary>
    private const int TokenRoom = 1024;

    /// <summary>The kind of email a briefing batch is, for the sending service's statistics.</summary>
    public const string BriefingCategory = "briefing";

    /// <summary>The kind of email a confirmation is.</summary>
    public const string ConfirmationCategory = "confirmation";

    private const string FallbackMessageIdDomain = "digest.local";

    private readonly MailOptions _options;
    private readonly SubscriberTokens _tokens;
    private readonly TimeProvider _time;
    private readonly string _baseUrl;
    private readonly string _messageIdDomain;

    /// <exception cref="ValidationException">The options break their validation rules.</exception>
    public BriefingEmailBuilder(IOptions<MailOptions> options, SubscriberTokens tokens, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _tokens = tokens;
        _time = time;
        Validator.ValidateObject(_options, new ValidationContext(_options), validateAllProperties: true);
        EmailAddressRules.EnsureValid(_options.FromAddress, nameof(MailOptions.FromAddress));
        EmailHeaderRules.EnsureSingleLine(_options.FromName, nameof(MailOptions.FromName));
        foreach (var (address, role) in new[] { (_options.ReplyTo, nameof(MailOptions.ReplyTo)), (_options.UnsubscribeMailto, nameof(MailOptions.UnsubscribeMailto)) })
        {
            if (address is not null)
            {
                EmailAddressRules.EnsureValid(address, role);
            }
        }

        var baseUri = new Uri(_options.PublicBaseUrl, UriKind.Absolute);
        _baseUrl = baseUri.AbsoluteUri.TrimEnd('/');
        _messageIdDomain = baseUri.HostNameType == UriHostNameType.Dns && baseUri.Host.Contains('.')
            ? baseUri.IdnHost
            : FallbackMessageIdDomain;
    }

    /// <summary>The one-click unsubscribe link of <paramref name="recipientEmail"/>.</summary>
    public string UnsubscribeUrl(string recipientEmail) => UnsubscribeUrlWithToken(UnsubscribeToken(recipientEmail));

    /// <summary>Builds the email of <paramref name="briefing"/> for <paramref name="recipientEmail"/>.</summary>
    /// <exception cref="ArgumentException">The address is not valid.</exception>
    public EmailMessage Build(Briefing briefing, string recipientEmail, DateTimeOffset sentAt)
    {
        var batch = BuildBatch(briefing, [recipientEmail], sentAt);
        return batch.MessageFor(batch.Recipients[0]);
    }

    /// <summary>
    /// Builds the email of <paramref name="briefing"/> for several recipients: the content is rendered once with a
    /// substitution tag where each reader's unsubscribe token goes, and each recipient carries its token, its
    /// Message-ID and its <c>List-Unsubscribe</c> header.
    /// </summary>
    /// <param name="briefing">The day's briefing (with at least one story; an empty day is not sent).</param>
    /// <param name="recipientEmails">The subscribers' addresses.</param>
    /// <param name="sentAt">The Date of the email.</param>
    /// <exception cref="ArgumentException">An address is not valid.</exception>
    public EmailBatch BuildBatch(Briefing briefing, IReadOnlyList<string> recipientEmails, DateTimeOffset sentAt)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        ArgumentNullException.ThrowIfNull(recipientEmails);
        foreach (var recipient in recipientEmails)
        {
            EmailAddressRules.EnsureValid(recipient, "Recipient");
        }

        var isoDate = briefing.Date.ToIso();
        var tokenTag = TokenTag(briefing);
        var links = new BriefingLinks(
            WebViewUrl: $"{_baseUrl}/api/briefings/{isoDate}",
            UnsubscribeUrl: UnsubscribeUrlWithToken(tokenTag),
            FooterReason: $"You are receiving this email because you subscribed to the {BriefingWording.Brand} daily briefing.",
            PostalAddress: _options.PostalAddress);

        var (html, edition) = Edition(briefing, links);
        return new EmailBatch
        {
            From = new MailAddress(_options.FromAddress, _options.FromName),
            Subject = Subject(briefing),
            TextBody = BriefingTextRenderer.Render(briefing, edition),
            HtmlBody = html,
            Date = sentAt,
            Headers = SharedHeaders(oneClickUnsubscribe: true),
            Category = BriefingCategory,
            Recipients = [.. recipientEmails.Select(recipient => Recipient(recipient, $"briefing-{isoDate}", tokenTag))],
        };
    }

    /// <summary>
    /// The email's edition: the top <see cref="MailOptions.EditionStories"/> stories, fewer if the HTML would pass
    /// <see cref="MaxHtmlBytes"/>, then "N more stories in today's web edition" linking to the first story left out.
    /// The plain-text part carries the same stories.
    /// </summary>
    private (string Html, BriefingLinks Links) Edition(Briefing briefing, BriefingLinks links)
    {
        for (var stories = Math.Min(_options.EditionStories, briefing.Stories.Count); ; stories--)
        {
            var edition = links with
            {
                Edition = new BriefingEdition(0, stories)
                {
                    MaxSources = SourcesPerStory,
                    MoreStoriesUrl = $"{links.WebViewUrl}#{BriefingWording.StoryAnchor(stories)}",
                },
            };
            var html = BriefingHtmlRenderer.Render(briefing, edition);
            if (stories == 0 || Encoding.UTF8.GetByteCount(html) <= MaxHtmlBytes - TokenRoom)
            {
                return (html, edition);
            }
        }
    }

    /// <summary>
    /// Builds the email that asks <paramref name="email"/> to confirm a subscription (double opt-in) by opening
    /// <paramref name="confirmUrl"/>. It has no unsubscribe headers: nobody is subscribed until the link is opened.
    /// </summary>
    /// <exception cref="ArgumentException">The address is not valid, or the link is not an absolute http or https URL.</exception>
    public EmailMessage BuildConfirmation(string email, string confirmUrl)
    {
        EmailAddressRules.EnsureValid(email, "Recipient");
        var link = SafeLinks.Normalize(confirmUrl)
            ?? throw new ArgumentException("The confirmation link must be an absolute http or https URL.", nameof(confirmUrl));
        var content = ConfirmationEmailRenderer.Render(link, _options.PostalAddress);
        var linkHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(link)))[..16];
        return new EmailMessage
        {
            From = new MailAddress(_options.FromAddress, _options.FromName),
            To = new MailAddress(email),
            Subject = ConfirmationEmailRenderer.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            MessageId = $"confirm-{AddressHash(email)}-{linkHash}@{_messageIdDomain}",
            Date = _time.GetUtcNow(),
            Headers = SharedHeaders(oneClickUnsubscribe: false),
        };
    }

    private BatchRecipient Recipient(string email, string messageIdPrefix, string tokenTag)
    {
        var token = UnsubscribeToken(email);
        var listUnsubscribe = $"<{UnsubscribeUrlWithToken(token)}>";
        if (_options.UnsubscribeMailto is not null)
        {
            listUnsubscribe += $", <mailto:{_options.UnsubscribeMailto}?subject=unsubscribe%20{token}>";
        }

        return new BatchRecipient(new MailAddress(email), $"{messageIdPrefix}-{AddressHash(email)}@{_messageIdDomain}")
        {
            Substitutions = new Dictionary<string, string> { [tokenTag] = token },
            Headers = new Dictionary<string, string> { ["List-Unsubscribe"] = listUnsubscribe },
        };
    }

    private Dictionary<string, string> SharedHeaders(bool oneClickUnsubscribe)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (oneClickUnsubscribe)
        {
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
        }

        if (_options.ReplyTo is not null)
        {
            headers["Reply-To"] = _options.ReplyTo;
        }

        return headers;
    }

    /// <summary>The token is base64url and a dot: safe as it is in a URL, in HTML and in plain text.</summary>
    private string UnsubscribeToken(string recipientEmail) => _tokens.Create(SubscriberTokens.Unsubscribe, recipientEmail);

    private string UnsubscribeUrlWithToken(string token) => $"{_baseUrl}/api/unsubscribe?token={token}";

    /// <summary>
    /// The tag standing for a reader's unsubscribe token in the shared content. It carries a hash of the briefing's
    /// own text, so no article can contain it and have a reader's token put into its words.
    /// </summary>
    private static string TokenTag(Briefing briefing)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var story in briefing.Stories)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(story.Headline));
            foreach (var part in story.Summary.Concat(story.Sources.SelectMany(s => new[] { s.Outlet, s.Title ?? string.Empty, s.Url ?? string.Empty })))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(part));
            }
        }

        return $"-unsubscribe-token-{Convert.ToHexStringLower(hash.GetHashAndReset())[..20]}-";
    }

    private static string AddressHash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.ToLowerInvariant())))[..16];

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
}

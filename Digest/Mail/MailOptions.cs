using System.ComponentModel.DataAnnotations;

namespace Digest.Mail;

/// <summary>Settings for briefing email (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>The sender address.</summary>
    [Required]
    [EmailAddress]
    [StringLength(254)]
    public string FromAddress { get; set; } = "digest@localhost";

    /// <summary>The sender's display name.</summary>
    [Required]
    [StringLength(64)]
    public string FromName { get; set; } = "Digest";

    /// <summary>Where the app is reachable; web view links are built from it. Must be an absolute http or https URL.</summary>
    [Required]
    [RegularExpression(@"^https?://[^\s/?#]+(/[^\s?#]*)?$", ErrorMessage = "PublicBaseUrl must be an absolute http or https URL without query or fragment.")]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The sender's postal address, shown in every email's footer.</summary>
    [StringLength(300)]
    public string? PostalAddress { get; set; }

    /// <summary>Where replies go, when not to <see cref="FromAddress"/>.</summary>
    [EmailAddress]
    [StringLength(254)]
    public string? ReplyTo { get; set; }

    /// <summary>
    /// An address that unsubscribes whoever writes to it; when set, <c>List-Unsubscribe</c> offers it as a
    /// <c>mailto:</c> link (subject: the reader's unsubscribe token) next to the one-click https link.
    /// </summary>
    [EmailAddress]
    [StringLength(254)]
    public string? UnsubscribeMailto { get; set; }

    /// <summary>
    /// Stories carried in full in the briefing email (the edition size); the email ends with "N more stories in today's
    /// web edition". Fewer go when the email would pass <see cref="BriefingEmailBuilder.MaxHtmlBytes"/>.
    /// </summary>
    [Range(1, 100)]
    public int EditionStories { get; set; } = 12;

    /// <summary>How email leaves: <c>outbox</c> (.eml files in the data folder), <c>smtp</c> or <c>sendgrid</c>.</summary>
    [Required]
    [RegularExpression("^(?i:outbox|smtp|sendgrid)$", ErrorMessage = "Mail:Sender must be outbox, smtp or sendgrid.")]
    public string Sender { get; set; } = "outbox";
}

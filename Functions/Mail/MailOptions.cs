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
}

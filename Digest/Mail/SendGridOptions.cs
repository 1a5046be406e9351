using System.ComponentModel.DataAnnotations;

namespace Digest.Mail;

/// <summary>Settings for sending through SendGrid's v3 Mail Send API (configuration section <c>Mail:SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    public const string SectionName = "Mail:SendGrid";

    /// <summary>SendGrid's most personalizations (recipients) per request.</summary>
    public const int MaxPersonalizations = 1000;

    /// <summary>The API key (in Azure a Key Vault reference); required when <c>Mail:Sender</c> is <c>sendgrid</c>. Never logged.</summary>
    [StringLength(512)]
    public string? ApiKey { get; set; }

    /// <summary>API base URL: <c>https://api.sendgrid.com</c>, or <c>https://api.eu.sendgrid.com</c> for EU-pinned accounts.</summary>
    [Required]
    [RegularExpression(@"^https?://[^\s/?#]+/?$", ErrorMessage = "Mail:SendGrid:BaseUrl must be an http or https URL with no path, query or fragment.")]
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";

    /// <summary>Recipients per request (1-1000).</summary>
    [Range(1, MaxPersonalizations)]
    public int BatchSize { get; set; } = MaxPersonalizations;

    /// <summary>Categories added to every email, for SendGrid's statistics (up to 9; the email's own kind is added).</summary>
    [MaxLength(9)]
    public string[] Categories { get; set; } = [];

    /// <summary>Validate requests without delivering anything (SendGrid's sandbox mode).</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Let SendGrid track opens and rewrite links to count clicks (off: links go straight to the outlets).</summary>
    public bool TrackOpensAndClicks { get; set; }

    /// <summary>Attempts per request when SendGrid answers 5xx or cannot be reached (429 waits do not count).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; it doubles with each further retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for a rate limit to reset (429 with X-RateLimit-Reset); a longer one fails the send.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most 429 answers waited out for one request.</summary>
    [Range(0, 100)]
    public int MaxRateLimitWaits { get; set; } = 10;

    /// <summary>Timeout of one HTTP request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}

using System.ComponentModel.DataAnnotations;

namespace Digest.Mail;

/// <summary>Settings for sending through an SMTP relay (configuration section <c>Mail:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Mail:Smtp";

    /// <summary>The relay's host name or IP address.</summary>
    [Required]
    [StringLength(253, MinimumLength = 1)]
    public string Host { get; set; } = "localhost";

    /// <summary>The relay's port: 587 (submission) by default.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// <c>true</c>: STARTTLS is required and sending fails when the server does not offer it; <c>false</c>: never
    /// upgrade; not set: upgrade whenever the server offers it.
    /// </summary>
    public bool? UseStartTls { get; set; }

    /// <summary>User name for AUTH PLAIN or LOGIN; no authentication when empty.</summary>
    [StringLength(256)]
    public string? UserName { get; set; }

    /// <summary>Password for AUTH (a Key Vault reference in Azure); never logged.</summary>
    [StringLength(256)]
    public string? Password { get; set; }

    /// <summary>Seconds to wait for a connection or a server reply.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Attempts per message when the server answers with a temporary (4xx) error or the connection fails.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;
}

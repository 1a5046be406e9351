using MimeKit;

namespace Digest.Mail;

/// <summary>
/// The strict address check used before any email is written. The address must parse as one bare RFC 5322 mailbox
/// with MimeKit's strict parser (no display name, brackets or comments), and on top of that meet Digest's own rules:
/// no line break, at most 254 characters, a dot-atom local part of printable ASCII (no quoted forms), and a domain of
/// at least two DNS labels. The single-label domain <c>localhost</c> is accepted so the default local sender
/// (<c>digest@localhost</c>) works.
/// </summary>
public static class EmailAddressRules
{
    private const int MaxAddressLength = 254;
    private const int MaxLocalPartLength = 64;
    private const int MaxLabelLength = 63;

    private static readonly ParserOptions StrictParser = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
    };

    /// <summary>True when <paramref name="address"/> passes the strict check.</summary>
    public static bool IsValid(string? address) => Problem(address) is null;

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="address"/>.</summary>
    internal static void EnsureValid(string? address, string role)
    {
        var problem = Problem(address);
        if (problem is not null)
        {
            throw new ArgumentException($"{role} address '{Printable(address)}' is not valid: {problem}.", role);
        }
    }

    /// <summary>
    /// Names that never lead to a mailbox on the public internet: loopback, names private to one network (RFC 6762
    /// appendix G, RFC 8375), and the reserved <c>.invalid</c>.
    /// </summary>
    private static readonly string[] PrivateSuffixes =
        ["localhost", "localdomain", "local", "internal", "intranet", "private", "corp", "home", "lan", "invalid", "home.arpa"];

    /// <summary>
    /// Why an address a stranger typed into the public form has no public domain (null when it has one): a
    /// <c>localhost</c> or other private name, a name without a dot, or an IP address (a literal or a dotted number).
    /// Digest sends confirmations only to public domains, so the form cannot be used to mail the app's own network.
    /// </summary>
    public static string? PublicDomainProblem(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        if (address is null || at < 0)
        {
            return null;
        }

        var domain = address[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.StartsWith('[') || System.Net.IPAddress.TryParse(domain, out _) || domain.Split('.')[^1].All(char.IsAsciiDigit))
        {
            return "it is an IP address, not a public domain";
        }

        if (!domain.Contains('.'))
        {
            return "its domain has no dot, so it is not a public domain";
        }

        var suffix = PrivateSuffixes.FirstOrDefault(s => domain == s || domain.EndsWith("." + s, StringComparison.Ordinal));
        return suffix is null ? null : $"'.{suffix}' names a private network, not a public domain";
    }

    /// <summary>True for the characters RFC 5322 allows in an atom.</summary>
    internal static bool IsAtomChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);

    /// <summary>True for one or more atoms joined by single dots.</summary>
    internal static bool IsDotAtom(string text) =>
        text.Length > 0 && text.Split('.').All(atom => atom.Length > 0 && atom.All(IsAtomChar));

    private static string? Problem(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "it is empty";
        }

        if (address.Contains('\r') || address.Contains('\n'))
        {
            return "it contains a line break";
        }

        if (address.Length > MaxAddressLength)
        {
            return $"it is longer than {MaxAddressLength} characters";
        }

        var at = address.IndexOf('@');
        if (at < 0 || at != address.LastIndexOf('@'))
        {
            return "it must contain exactly one '@'";
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length is 0 or > MaxLocalPartLength || !IsDotAtom(local))
        {
            return $"the part before '@' must be 1 to {MaxLocalPartLength} letters, digits or !#$%&'*+-/=?^_`{{|}}~ with single dots between them (no spaces)";
        }

        return DomainProblem(domain) ?? MailboxProblem(address);
    }

    /// <summary>Digest's rules passed: MimeKit must read the same text as one bare mailbox.</summary>
    private static string? MailboxProblem(string address) =>
        MailboxAddress.TryParse(StrictParser, address, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && string.Equals(mailbox.Address, address, StringComparison.Ordinal)
            ? null
            : "it must be a single bare address such as name@example.org";

    private static string? DomainProblem(string domain)
    {
        if (string.Equals(domain, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var labels = domain.Split('.');
        if (labels.Length < 2)
        {
            return "the domain must contain a dot";
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > MaxLabelLength
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                || label.StartsWith('-') || label.EndsWith('-'))
            {
                return "the domain must be labels of ASCII letters, digits and inner hyphens separated by single dots";
            }
        }

        return null;
    }

    private static string Printable(string? text) => EmailHeaderRules.Printable(text);
}

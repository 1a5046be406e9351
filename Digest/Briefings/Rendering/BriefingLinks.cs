namespace Digest.Briefings.Rendering;

/// <summary>
/// The links and footer lines that surround a rendered briefing. They differ per copy: the email carries an
/// unsubscribe link for its reader, the stored web copy has none.
/// </summary>
/// <param name="WebViewUrl">Where the briefing can be read in a browser; null to leave the link out.</param>
/// <param name="UnsubscribeUrl">The reader's one-click unsubscribe link; null for the web copy.</param>
/// <param name="FooterReason">Why the reader gets this briefing, e.g. "You subscribed to the Digest daily briefing."</param>
/// <param name="PostalAddress">The sender's postal address, shown in the footer when set.</param>
public sealed record BriefingLinks(string? WebViewUrl, string? UnsubscribeUrl, string FooterReason, string? PostalAddress)
{
    /// <summary>The links of the web copy (stored and served at <c>/api/briefings/{date}</c>): nobody's own links.</summary>
    public static BriefingLinks WebCopy(string? postalAddress) =>
        new(null, null, "This is the web copy of the Digest daily briefing.", postalAddress);
}

namespace Digest.Briefings.Rendering;

/// <summary>
/// The links and footer lines that surround a rendered briefing. They differ per copy: the email carries an
/// unsubscribe link for its reader, the web copy has none and invites its readers to subscribe instead.
/// </summary>
/// <param name="WebViewUrl">Where the briefing can be read in a browser; null to leave the link out.</param>
/// <param name="UnsubscribeUrl">The reader's one-click unsubscribe link; null for the web copy.</param>
/// <param name="FooterReason">Why the reader gets this briefing, e.g. "You subscribed to the Digest daily briefing."</param>
/// <param name="PostalAddress">The sender's postal address, shown in the footer when set.</param>
public sealed record BriefingLinks(string? WebViewUrl, string? UnsubscribeUrl, string FooterReason, string? PostalAddress)
{
    /// <summary>The subscribe page, offered in a box at the end of the web copy; null to leave the box out.</summary>
    public string? SubscribeUrl { get; init; }

    /// <summary>Links shown above the stories of the web copy (previous, next, latest, archive).</summary>
    public IReadOnlyList<NavigationLink> Navigation { get; init; } = [];

    /// <summary>
    /// The address of this briefing's web copy; when set, each story gets a "Link to this story" link to its anchor
    /// (<c>#story-1</c>, <c>#story-2</c> ...). Every story has its anchor either way.
    /// </summary>
    public string? PermalinkUrl { get; init; }

    /// <summary>Which of the briefing's stories this copy shows, and how; null shows every story in full.</summary>
    public BriefingEdition? Edition { get; init; }

    /// <summary>The links of the web copy (stored and served at <c>/api/briefings/{date}</c>): nobody's own links.</summary>
    /// <param name="postalAddress">The sender's postal address, shown in the footer when set.</param>
    /// <param name="publicBaseUrl">Where the app is reachable; when given, the copy offers its subscribe page.</param>
    public static BriefingLinks WebCopy(string? postalAddress, string? publicBaseUrl = null) =>
        new(null, null, "This is the web copy of the Digest daily briefing.", postalAddress)
        {
            SubscribeUrl = publicBaseUrl is null ? null : publicBaseUrl.TrimEnd('/') + "/api/subscribe",
        };
}

/// <summary>A link of the web copy's navigation, e.g. "Previous briefing".</summary>
/// <param name="Text">The visible text.</param>
/// <param name="Url">An absolute http or https URL.</param>
/// <param name="Relation">The link's <c>rel</c> (prev, next), or null.</param>
public sealed record NavigationLink(string Text, string Url, string? Relation = null);

/// <summary>
/// The part of a briefing one copy shows: the email carries the top stories in full and says how many more the web
/// edition has; a page of the web edition shows the top stories in full and lists the rest compactly (headline and
/// sources), a page at a time.
/// </summary>
/// <param name="First">Index (0-based, in rank order) of the first story shown.</param>
/// <param name="Full">How many stories from <paramref name="First"/> on are shown in full.</param>
/// <param name="Listed">How many stories after those are listed compactly: headline and sources.</param>
public sealed record BriefingEdition(int First, int Full, int Listed = 0)
{
    /// <summary>Most sources named under a story; the rest are counted ("and 12 more"). Null names every source.</summary>
    public int? MaxSources { get; init; }

    /// <summary>
    /// Where the stories this copy leaves out can be read; when set and stories follow the ones shown, the copy ends
    /// its stories with "N more stories in today's web edition" linking there.
    /// </summary>
    public string? MoreStoriesUrl { get; init; }

    /// <summary>Links to the other pages of the web edition (shown after the stories).</summary>
    public IReadOnlyList<NavigationLink> Pages { get; init; } = [];

    /// <summary>The stories shown (full, then listed) as indexes into the briefing's stories.</summary>
    public (int Start, int FullEnd, int ListedEnd) Range(int storyCount)
    {
        var start = Math.Clamp(First, 0, storyCount);
        var fullEnd = Math.Min(storyCount, start + Math.Max(0, Full));
        return (start, fullEnd, Math.Min(storyCount, fullEnd + Math.Max(0, Listed)));
    }
}

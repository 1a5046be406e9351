using System.Globalization;
using System.Text;
using Digest.Briefings;
using Digest.Briefings.Rendering;
using Digest.Mail;
using Digest.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Web;

/// <summary>
/// The published side of Digest: <c>GET /api/briefings/{date}</c> and <c>/api/briefings/latest</c> (the web copy every
/// email links to, rendered from the stored briefing with the same renderer as the email, without anyone's links,
/// with previous / next / latest links, story anchors and a subscribe box) and <c>GET /api/archive</c> (every
/// briefing by date, newest first, in pages). Published pages may be cached; they name no reader.
/// </summary>
public sealed class BriefingPages(IBriefingStore briefings, IOptions<BriefingOptions> options, IOptions<MailOptions> mail, TimeProvider time)
{
    /// <summary>Briefings listed on one archive page.</summary>
    public const int ArchivePageSize = 20;

    /// <summary>
    /// Stories listed (headline and sources) on one page of a briefing's web edition, after the first page's stories
    /// in full: a page stays light however many stories the day has.
    /// </summary>
    public const int StoriesPerPage = 200;

    /// <summary>Sources named under a story of the web edition; the rest are counted.</summary>
    public const int SourcesPerStory = 20;

    /// <summary>A dated briefing changes only when the next one appears (its "next" link).</summary>
    public const string DatedCache = "public, max-age=3600";

    /// <summary>The latest briefing and the archive change every day.</summary>
    public const string DailyCache = "public, max-age=300";

    /// <summary>
    /// <c>GET /api/briefings/{date}?page=N</c>: the web edition, every story in rank order. Page 1 shows the stories the
    /// email carries in full (<see cref="MailOptions.EditionStories"/>) and lists the next <see cref="StoriesPerPage"/>
    /// by headline and sources; each later page lists the next <see cref="StoriesPerPage"/>.
    /// </summary>
    public async Task<IResult> InvokeAsync(string date, string? page, CancellationToken cancellationToken)
    {
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return Pages.Message(StatusCodes.Status400BadRequest, "No such page", "Pages of a briefing are numbered from 1, as in /api/briefings/2026-11-20?page=2.");
        }

        var latest = string.Equals(date, "latest", StringComparison.OrdinalIgnoreCase);
        var day = latest ? null : IsoDates.TryParse(date);
        if (!latest && day is null)
        {
            return Pages.Message(StatusCodes.Status400BadRequest, "No such date", "Briefings are addressed by date, as in /api/briefings/2026-11-20, or /api/briefings/latest.");
        }

        var dates = await briefings.ListBriefingDatesAsync(cancellationToken);
        day ??= Latest(dates);
        var briefing = day is { } found && dates.Contains(found) ? await briefings.FindAsync(found, cancellationToken) : null;
        if (briefing is null)
        {
            return Pages.Message(StatusCodes.Status404NotFound, latest ? "No briefing yet" : "No briefing for that day",
                latest ? "No briefing has been published yet. Subscribe to get the first one by email." : "There is no briefing for that date. The archive lists every briefing.");
        }

        var full = Math.Min(mail.Value.EditionStories, briefing.Stories.Count);
        var pages = 1 + Math.Max(0, (briefing.Stories.Count - full - 1) / StoriesPerPage);
        if (number > pages)
        {
            return Pages.Message(StatusCodes.Status404NotFound, "No such page", $"This briefing has {pages} {(pages == 1 ? "page" : "pages")}.");
        }

        var links = BriefingLinks.WebCopy(mail.Value.PostalAddress, BaseUrl) with
        {
            Navigation = Navigation(dates, briefing.Date),
            PermalinkUrl = BriefingUrl(briefing.Date),
            Edition = (number == 1 ? new BriefingEdition(0, full, StoriesPerPage) : new BriefingEdition(full + ((number - 1) * StoriesPerPage), 0, StoriesPerPage)) with
            {
                MaxSources = SourcesPerStory,
                Pages = StoryPages(briefing.Date, number, pages),
            },
        };
        return new Pages.PageResult(StatusCodes.Status200OK, BriefingHtmlRenderer.Render(briefing, links), latest ? DailyCache : DatedCache);
    }

    /// <summary>Links to the previous and next page of a briefing's web edition.</summary>
    private List<NavigationLink> StoryPages(DateOnly date, int number, int pages)
    {
        var links = new List<NavigationLink>();
        if (number > 1)
        {
            links.Add(new NavigationLink("Previous page", StoryPageUrl(date, number - 1), "prev"));
        }

        if (number < pages)
        {
            links.Add(new NavigationLink($"Next page ({number + 1} of {pages})", StoryPageUrl(date, number + 1), "next"));
        }

        return links;
    }

    private string StoryPageUrl(DateOnly date, int page) =>
        page == 1 ? BriefingUrl(date) : $"{BriefingUrl(date)}?page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>GET /api/archive?page=N</c>: the briefings by date, newest first, <see cref="ArchivePageSize"/> a page.</summary>
    public async Task<IResult> ArchiveAsync(string? page, CancellationToken cancellationToken)
    {
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            return Pages.Message(StatusCodes.Status400BadRequest, "No such page", "Archive pages are numbered from 1, as in /api/archive?page=2.");
        }

        var dates = await briefings.ListBriefingDatesAsync(cancellationToken);
        var pages = Math.Max(1, (dates.Count + ArchivePageSize - 1) / ArchivePageSize);
        if (number > pages)
        {
            return Pages.Message(StatusCodes.Status404NotFound, "No such page", $"The archive has {pages} {(pages == 1 ? "page" : "pages")}. The first one lists the newest briefings.");
        }

        var body = new StringBuilder();
        if (dates.Count == 0)
        {
            body.Append("<p>No briefing has been published yet.</p>\n");
        }
        else
        {
            body.Append("<ol>\n");
            foreach (var date in dates.Skip((number - 1) * ArchivePageSize).Take(ArchivePageSize))
            {
                body.Append("<li><a href=\"").Append(Pages.Encode(BriefingUrl(date))).Append("\">")
                    .Append(Pages.Encode(date.ToString("dddd, MMMM d, yyyy", CultureInfo.InvariantCulture))).Append("</a>");
                if (await TopHeadlineAsync(date, cancellationToken) is { } headline)
                {
                    body.Append("<br><span class=\"hint\">").Append(Pages.Encode(headline)).Append("</span>");
                }

                body.Append("</li>\n");
            }

            body.Append("</ol>\n");
        }

        var pager = new List<string>();
        if (number > 1)
        {
            pager.Add($"<a rel=\"prev\" href=\"{Pages.Encode(ArchiveUrl(number - 1))}\">Newer briefings</a>");
        }

        if (number < pages)
        {
            pager.Add($"<a rel=\"next\" href=\"{Pages.Encode(ArchiveUrl(number + 1))}\">Older briefings</a>");
        }

        body.Append("<p>").Append(string.Join(" &middot; ", pager)).Append(pager.Count > 0 ? " &middot; " : string.Empty)
            .Append(CultureInfo.InvariantCulture, $"Page {number} of {pages}</p>\n")
            .Append("<p><a href=\"").Append(Pages.Encode(BaseUrl + "/api/subscribe")).Append("\">Get the briefing by email</a></p>\n");
        return Pages.Html(StatusCodes.Status200OK, "Digest archive", body.ToString(), DailyCache);
    }

    private async Task<string?> TopHeadlineAsync(DateOnly date, CancellationToken cancellationToken)
    {
        try
        {
            return (await briefings.FindAsync(date, cancellationToken))?.Stories.FirstOrDefault()?.Headline;
        }
        catch (DamagedRecordException)
        {
            // A damaged briefing keeps its place in the list; its own page names the damage.
            return null;
        }
    }

    private IReadOnlyList<NavigationLink> Navigation(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        var index = IndexOf(dates, date);
        var links = new List<NavigationLink>();
        if (index + 1 < dates.Count)
        {
            links.Add(new NavigationLink("Previous briefing", BriefingUrl(dates[index + 1]), "prev"));
        }

        if (index > 0)
        {
            links.Add(new NavigationLink("Next briefing", BriefingUrl(dates[index - 1]), "next"));
            links.Add(new NavigationLink("Latest briefing", BaseUrl + "/api/briefings/latest"));
        }

        links.Add(new NavigationLink("All briefings", ArchiveUrl(1)));
        links.Add(new NavigationLink("Subscribe", BaseUrl + "/api/subscribe"));
        return links;
    }

    private static int IndexOf(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == date)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The newest stored briefing up to today (in the briefing's time zone): one dated ahead is not out yet.</summary>
    private DateOnly? Latest(IReadOnlyList<DateOnly> dates)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.FindTimeZone()).DateTime);
        return dates.Where(d => d <= today).Select(d => (DateOnly?)d).FirstOrDefault();
    }

    private string BaseUrl => mail.Value.PublicBaseUrl.TrimEnd('/');

    private string BriefingUrl(DateOnly date) => $"{BaseUrl}/api/briefings/{date.ToIso()}";

    private string ArchiveUrl(int page) => page == 1 ? $"{BaseUrl}/api/archive" : $"{BaseUrl}/api/archive?page={page.ToString(CultureInfo.InvariantCulture)}";
}

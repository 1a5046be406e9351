using System.Globalization;
using Digest.Briefings;
using Digest.Briefings.Rendering;
using Digest.Mail;
using Digest.Storage;
using Microsoft.Extensions.Options;

namespace Digest.Web;

/// <summary>
/// <c>GET /api/briefings/{date}</c> and <c>/api/briefings/latest</c>: the web view every email links to, rendered
/// from the stored briefing with the same renderer as the email (article text escaped), without anyone's links.
/// </summary>
public sealed class BriefingPages(IBriefingStore briefings, IOptions<BriefingOptions> options, IOptions<MailOptions> mail, TimeProvider time)
{
    /// <summary>How far back <c>latest</c> looks for a stored briefing.</summary>
    private const int LatestLookBackDays = 31;

    public async Task<IResult> InvokeAsync(string date, CancellationToken cancellationToken)
    {
        Briefing? briefing;
        if (string.Equals(date, "latest", StringComparison.OrdinalIgnoreCase))
        {
            briefing = await LatestAsync(cancellationToken);
        }
        else if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            briefing = await briefings.FindAsync(day, cancellationToken);
        }
        else
        {
            return Pages.Message(StatusCodes.Status400BadRequest, "No such date", "Briefings are addressed by date, as in /api/briefings/2026-11-20, or /api/briefings/latest.");
        }

        if (briefing is null)
        {
            return Pages.Message(StatusCodes.Status404NotFound, "No briefing for that day", "There is no briefing for that date. The latest one is at /api/briefings/latest.");
        }

        var links = BriefingLinks.WebCopy(mail.Value.PostalAddress);
        return new Pages.PageResult(StatusCodes.Status200OK, BriefingHtmlRenderer.Render(briefing, links));
    }

    private async Task<Briefing?> LatestAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.FindTimeZone()).DateTime);
        for (var day = today; day > today.AddDays(-LatestLookBackDays); day = day.AddDays(-1))
        {
            if (await briefings.FindAsync(day, cancellationToken) is { } briefing)
            {
                return briefing;
            }
        }

        return null;
    }
}

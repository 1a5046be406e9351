using Digest.Briefings.Rendering;
using Digest.Mail;
using Digest.Storage;
using Digest.Summaries;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Digest.Briefings;

/// <summary>
/// Composes the briefing for one date from the summaries of its window, renders the web copy (HTML and plain text)
/// and stores all three forms. Rejections of articles that were later summarized successfully are left out.
/// </summary>
public sealed partial class ComposeBriefingHandler(
    BriefingComposer composer, IBriefingStore store, IOptions<MailOptions> mail, ILogger<ComposeBriefingHandler> logger)
{
    public async Task<StoredBriefing> HandleAsync(
        DateOnly date, IReadOnlyCollection<ArticleSummary> summaries, IEnumerable<Rejection> rejections, CancellationToken cancellationToken = default)
    {
        var summarized = summaries.Select(s => s.Article).ToHashSet(StringComparer.Ordinal);
        var rejected = rejections
            .Where(r => !summarized.Contains(r.Article))
            .Select(r => new RejectedArticle(r.Article, r.Reason));
        var briefing = composer.Compose(date, summaries, rejected);

        var links = BriefingLinks.WebCopy(mail.Value.PostalAddress, mail.Value.PublicBaseUrl);
        // The web copy is public; the plain-text copy is the operators' file and carries the rejected-articles report.
        var stored = new StoredBriefing(
            briefing, BriefingHtmlRenderer.Render(briefing, links), BriefingTextRenderer.Render(briefing, links, includeEditorReport: true));
        await store.SaveAsync(stored, cancellationToken);

        if (briefing.Stories.Count == 0)
        {
            LogEmptyBriefing(date.ToIso());
        }
        else
        {
            LogComposed(date.ToIso(), briefing.Stories.Count, briefing.ArticleCount, briefing.Rejected.Count);
        }

        return stored;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed the briefing for {Date}: {StoryCount} stories from {ArticleCount} articles, {RejectedCount} rejected")]
    private partial void LogComposed(string date, int storyCount, int articleCount, int rejectedCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The briefing for {Date} has no stories: no articles were summarized in its window")]
    private partial void LogEmptyBriefing(string date);
}

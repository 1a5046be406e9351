using Digest.Articles.Html;

namespace Digest.Articles.Evaluation;

/// <summary>The body text that the benchmark scores for one page.</summary>
public static class ExtractedBody
{
    /// <summary>The paragraphs of the HTML extractor joined with blank lines.</summary>
    public static string FromHtml(string html) => Join(HtmlArticleExtractor.Extract(html).Paragraphs);

    /// <summary>
    /// The body the whole intake keeps for the page read as an uploaded .html article: extraction, then cleanup of
    /// bylines, captions and prompts. A page intake rejects scores as an empty body.
    /// </summary>
    public static string FromIntake(string html)
    {
        try
        {
            return Join(Intake.Read("page.html", System.Text.Encoding.UTF8.GetBytes(html)).Paragraphs);
        }
        catch (ArticleRejectedException)
        {
            return string.Empty;
        }
    }

    // The benchmark scores body extraction on pages in several languages: the edition-language check is off here.
    private static readonly ArticleReader Intake = new(new IntakeOptions { MaxArticleBytes = 64 * 1024 * 1024, Language = EditionLanguage.Any });

    /// <summary>Joins body paragraphs with blank lines, as the body is scored.</summary>
    public static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);
}

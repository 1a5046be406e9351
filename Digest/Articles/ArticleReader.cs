using System.Security.Cryptography;
using Digest.Articles.Cleanup;
using Digest.Articles.Decoding;
using Digest.Articles.Formats;

namespace Digest.Articles;

/// <summary>
/// Reads one uploaded article (.txt, .md/.markdown, .html/.htm, .json) into an <see cref="Article"/>, or rejects it
/// with a specific reason (<see cref="ArticleRejectedException"/>): checks size and format, decodes the text, parses the
/// format, removes boilerplate and checks that usable sentences remain.
/// </summary>
public sealed class ArticleReader(IntakeOptions options)
{
    /// <summary>The largest article accepted, in bytes.</summary>
    public int MaxArticleBytes => options.MaxArticleBytes;

    /// <summary>The rejection of a file over the size limit; <paramref name="size"/> when it is known.</summary>
    public ArticleRejectedException TooLarge(string name, long? size) => new(name, RejectionCode.TooLarge, size is { } known
        ? $"the file is {known:N0} bytes, over the {options.MaxArticleBytes:N0}-byte limit"
        : $"the file is over the {options.MaxArticleBytes:N0}-byte limit");

    private readonly ArticleCleaner cleaner = new();
    private readonly EditionLanguage language = new(options.Language);

    /// <summary>Reads the article in <paramref name="content"/>; <paramref name="name"/> is its file or blob name.</summary>
    /// <exception cref="ArticleRejectedException">The file cannot be used as an article; the reason says why.</exception>
    /// <remarks>
    /// Intake is pure computation over the bytes: any failure in it, even one intake did not foresee, is about this
    /// file, so every command gets a rejection with a reason rather than an unhandled exception (the unforeseen one
    /// is kept as the inner exception, for the log).
    /// </remarks>
    public Article Read(string name, ReadOnlySpan<byte> content)
    {
        try
        {
            return ReadArticle(name, content);
        }
        catch (Exception unforeseen) when (unforeseen is not ArticleRejectedException and not OutOfMemoryException and not OperationCanceledException)
        {
            throw new ArticleRejectedException(name, RejectionCode.NotText,
                $"the file could not be read ({unforeseen.GetType().Name}); please check it opens as text and re-upload it", unforeseen);
        }
    }

    private Article ReadArticle(string name, ReadOnlySpan<byte> content)
    {
        var format = ArticleFormats.FromName(name);
        if (content.Length == 0)
        {
            throw new ArticleRejectedException(name, RejectionCode.Empty, "the file is empty");
        }

        if (content.Length > options.MaxArticleBytes)
        {
            throw TooLarge(name, content.Length);
        }

        var text = TextNormalizer.Normalize(ArticleTextDecoder.Decode(name, content));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleRejectedException(name, RejectionCode.Empty, "the file contains only whitespace");
        }

        var parsed = format switch
        {
            ArticleFormat.Markdown => MarkdownArticleParser.Parse(name, text),
            ArticleFormat.Html => HtmlArticleParser.Parse(name, text),
            ArticleFormat.Json => JsonArticleParser.Parse(name, text),
            _ => PlainTextArticleParser.Parse(text),
        };

        var body = cleaner.Clean(parsed.Title, parsed.Paragraphs);
        if (!body.Paragraphs.Any(Sentences.IsUsable))
        {
            var removed = parsed.Dropped.Count + body.Dropped.Count;
            throw new ArticleRejectedException(name, RejectionCode.NoUsableSentences,
                $"no usable sentences after removing captions and boilerplate ({removed} {(removed == 1 ? "part" : "parts")} removed; " +
                $"no paragraph left with {Sentences.UsableWords} or more words)");
        }

        if (ReaderNotice.Measure(body.Paragraphs) is { } notice)
        {
            throw new ArticleRejectedException(name, RejectionCode.NotAnArticle,
                $"the text is a page notice addressed to its visitor, not an article ({notice.Addressed} of its first {notice.Sentences} sentences speak to \"you\")");
        }

        if (language.OtherLanguage(body.Paragraphs) is { } other)
        {
            throw new ArticleRejectedException(name, RejectionCode.NotEditionLanguage,
                $"the article is in {other}, not in the edition's language ({options.Language}; setting Intake__Language)");
        }

        // Bidi controls are removed from every field that reaches a reader, after parsing, so an HTML entity or a
        // JSON escape (&#x202E;, \u202e) cannot bring one back; how many were removed is recorded.
        var bidi = 0;
        var title = BidiControls.Remove(body.Title, ref bidi);
        var outlet = BidiControls.Remove(parsed.Outlet ?? body.BylineOutlet ?? ArticleUrls.Host(parsed.Url), ref bidi);
        var url = BidiControls.Remove(parsed.Url, ref bidi);
        var paragraphs = body.Paragraphs.Select(p => BidiControls.Remove(p, ref bidi)!).ToList();
        List<DroppedText> dropped = [.. parsed.Dropped, .. body.Dropped];
        if (bidi > 0)
        {
            dropped.Add(new DroppedText(DroppedKinds.BidiControl,
                $"{bidi} bidi control {(bidi == 1 ? "character" : "characters")} (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) removed: they can reorder how text reads"));
        }

        // Bounded after the bidi controls are gone, so a cut never leaves half of a pair behind.
        title = FieldBounds.Title(title, dropped);
        outlet = FieldBounds.Outlet(outlet, dropped);
        url = FieldBounds.Url(url, dropped);
        return new Article
        {
            Name = name,
            Title = title,
            Outlet = outlet,
            Url = url,
            PublishedAt = parsed.PublishedAt ?? body.DatelineDate,
            Paragraphs = paragraphs,
            Dropped = dropped,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
    }
}

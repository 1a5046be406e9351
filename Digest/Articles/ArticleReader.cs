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

        return new Article
        {
            Name = name,
            Title = body.Title,
            Outlet = parsed.Outlet ?? body.BylineOutlet ?? ArticleUrls.Host(parsed.Url),
            Url = parsed.Url,
            PublishedAt = parsed.PublishedAt ?? body.DatelineDate,
            Paragraphs = body.Paragraphs,
            Dropped = [.. parsed.Dropped, .. body.Dropped],
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
    }
}

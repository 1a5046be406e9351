using System.Text;
using Digest.Articles.Cleanup;
using Digest.Articles.Decoding;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Digest.Articles.Formats;

/// <summary>
/// Reads a .md article with Markdig: YAML front matter (<c>title</c>, <c>source</c>, <c>url</c>, <c>date</c>), the
/// first heading as title, other headings as subheads, links reduced to their text, images and their captions dropped.
/// </summary>
internal static class MarkdownArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <exception cref="ArticleRejectedException">With <see cref="RejectionCode.TooDeeplyNested"/>: lists, quotes or
    /// brackets nested deeper than Markdig parses.</exception>
    public static ParsedArticle Parse(string name, string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig stops at its nesting limit with an ArgumentException rather than recurse without end.
            throw new ArticleRejectedException(name, RejectionCode.TooDeeplyNested,
                "the Markdown is nested too deeply to read (lists, quotes, emphasis or brackets inside one another hundreds of levels deep)");
        }

        var reader = new BlockReader();
        foreach (var block in document)
        {
            reader.Read(block);
        }

        return reader.Result();
    }

    /// <summary>Collects paragraphs and metadata from the block tree in document order.</summary>
    private sealed class BlockReader
    {
        private readonly List<string> paragraphs = [];
        private readonly List<DroppedText> dropped = [];
        private FrontMatter frontMatter = FrontMatter.None;
        private string? heading;
        private bool seenHeading;
        private bool afterImage;

        public void Read(Block block)
        {
            var followsImage = afterImage;
            afterImage = false;
            switch (block)
            {
                case YamlFrontMatterBlock yaml:
                    frontMatter = FrontMatter.Read(yaml.Lines.ToString());
                    break;
                case HeadingBlock headingBlock:
                    AddHeading(InlineText(headingBlock.Inline, out _));
                    break;
                case ParagraphBlock paragraph:
                    AddParagraph(paragraph, followsImage);
                    break;
                case HtmlBlock html:
                    var (htmlParagraphs, htmlDropped) = HtmlFragmentText.Read(html.Lines.ToString());
                    paragraphs.AddRange(htmlParagraphs);
                    dropped.AddRange(htmlDropped);
                    break;
                case CodeBlock code:
                    Drop(DroppedKinds.Boilerplate, code.Lines.ToString());
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Read(child);
                    }

                    break;
            }
        }

        public ParsedArticle Result() => new()
        {
            Title = frontMatter.Title ?? heading,
            Outlet = frontMatter.Source,
            Url = ArticleUrls.Absolute(frontMatter.Url),
            PublishedAt = frontMatter.Date,
            Paragraphs = paragraphs,
            Dropped = dropped,
        };

        /// <summary>The first heading before any text is the title (or repeats the front-matter title); later ones are subheads.</summary>
        private void AddHeading(string text)
        {
            var first = !seenHeading && paragraphs.Count == 0;
            seenHeading = true;
            if (first && frontMatter.Title is null)
            {
                heading = text;
            }
            else if (first && string.Equals(text, frontMatter.Title, StringComparison.OrdinalIgnoreCase))
            {
                Drop(DroppedKinds.Boilerplate, text);
            }
            else
            {
                Drop(DroppedKinds.Subhead, text);
            }
        }

        /// <summary>A paragraph with an image is the image and its caption; so is an all-italic line right after one.</summary>
        private void AddParagraph(ParagraphBlock paragraph, bool followsImage)
        {
            var text = InlineText(paragraph.Inline, out var hasImage);
            if (hasImage)
            {
                Drop(DroppedKinds.Caption, text);
                afterImage = true;
            }
            else if (followsImage && IsAllEmphasis(paragraph.Inline))
            {
                Drop(DroppedKinds.Caption, text);
            }
            else if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        private void Drop(string kind, string text)
        {
            var clean = TextNormalizer.CollapseWhitespace(text);
            if (clean.Length > 0)
            {
                dropped.Add(new DroppedText(kind, clean));
            }
        }

        private static bool IsAllEmphasis(ContainerInline? inline) =>
            inline is not null && inline.All(i => i is EmphasisInline || i is LiteralInline { Content.IsEmpty: true } || i is LineBreakInline) &&
            inline.Any(i => i is EmphasisInline);

        /// <summary>Plain text of inlines: links become their text, images their alt text (and are reported), markup goes.</summary>
        private static string InlineText(ContainerInline? inline, out bool hasImage)
        {
            var builder = new StringBuilder();
            var found = false;
            Append(inline);
            hasImage = found;
            return TextNormalizer.CollapseWhitespace(builder.ToString());

            void Append(Inline? node)
            {
                switch (node)
                {
                    case LinkInline { IsImage: true } image:
                        found = true;
                        foreach (var child in image)
                        {
                            Append(child);
                        }

                        builder.Append(' ');
                        break;
                    case ContainerInline container:
                        foreach (var child in container)
                        {
                            Append(child);
                        }

                        break;
                    case LiteralInline literal:
                        builder.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                    case HtmlEntityInline entity:
                        builder.Append(entity.Transcoded.ToString());
                        break;
                    case AutolinkInline autolink:
                        builder.Append(autolink.Url);
                        break;
                    case LineBreakInline:
                        builder.Append(' ');
                        break;
                }
            }
        }
    }
}

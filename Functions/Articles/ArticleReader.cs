using System.Security.Cryptography;
using System.Text;

namespace Digest.Articles;

/// <summary>
/// Reads one uploaded article (.txt, .md, .html/.htm, .json) into an <see cref="Article"/>, or rejects it with a
/// specific reason (<see cref="ArticleRejectedException"/>).
/// </summary>
public sealed class ArticleReader(IntakeOptions options)
{
    public Article Read(string name, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            throw new ArticleRejectedException(name, RejectionCode.Empty, "the file is empty");
        }

        if (content.Length > options.MaxArticleBytes)
        {
            throw new ArticleRejectedException(name, RejectionCode.TooLarge,
                $"the file is {content.Length:N0} bytes, over the {options.MaxArticleBytes:N0}-byte limit");
        }

        var text = Encoding.UTF8.GetString(content);
        var paragraphs = text.Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Article
        {
            Name = name,
            Title = paragraphs.FirstOrDefault(),
            Paragraphs = paragraphs.Skip(1).ToArray(),
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(content)),
        };
    }
}

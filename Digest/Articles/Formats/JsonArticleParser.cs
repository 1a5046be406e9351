using System.Text.Json;
using Digest.Articles.Cleanup;
using Digest.Articles.Decoding;

namespace Digest.Articles.Formats;

/// <summary>
/// Reads a .json article: an object with <c>title</c>, <c>url</c>, <c>source</c> (the outlet), <c>publishedAt</c> and
/// <c>body</c> (plain text or HTML). Property names match case-insensitively; other properties are ignored.
/// </summary>
internal static class JsonArticleParser
{
    private const string Shape = "an object with a \"body\" string and optional \"title\", \"url\", \"source\" and \"publishedAt\"";

    /// <summary>The deepest nesting of arrays and objects read (System.Text.Json's default).</summary>
    private const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <exception cref="ArticleRejectedException">With <see cref="RejectionCode.MalformedJson"/>: bad syntax or shape.</exception>
    public static ParsedArticle Parse(string name, string text)
    {
        using var document = ParseDocument(name, text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(name, $"the JSON must be {Shape}, but it is {Describe(root.ValueKind)}");
        }

        var body = ReadString(name, root, "body")
                   ?? throw Malformed(name, "the JSON has no \"body\": the article text is missing");
        if (string.IsNullOrWhiteSpace(body))
        {
            throw Malformed(name, "the JSON \"body\" is empty: the article text is missing");
        }

        var publishedText = ReadString(name, root, "publishedAt");
        DateTimeOffset? publishedAt = null;
        if (!string.IsNullOrWhiteSpace(publishedText))
        {
            publishedAt = DateText.TryParse(publishedText, out var parsed)
                ? parsed
                : throw Malformed(name, $"the JSON \"publishedAt\" is not a date: '{publishedText}' (use e.g. 2025-08-06T14:30:00Z)");
        }

        var normalizedBody = TextNormalizer.Normalize(body);
        var (paragraphs, dropped) = HtmlFragmentText.ContainsMarkup(normalizedBody)
            ? HtmlFragmentText.Read(normalizedBody)
            : (TextBlocks.Split(normalizedBody), []);
        return new ParsedArticle
        {
            Title = Clean(ReadString(name, root, "title")),
            Outlet = Clean(ReadString(name, root, "source")),
            Url = ArticleUrls.Absolute(ReadString(name, root, "url")),
            PublishedAt = publishedAt,
            Paragraphs = paragraphs,
            Dropped = dropped,
        };
    }

    private static JsonDocument ParseDocument(string name, string text)
    {
        if (NestedTooDeep(text))
        {
            throw new ArticleRejectedException(name, RejectionCode.TooDeeplyNested,
                $"the JSON nests arrays or objects more than {MaxDepth} levels deep; an article is {Shape}");
        }

        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            var position = (error.BytePositionInLine ?? 0) + 1;
            throw Malformed(name, $"malformed JSON at line {line}, position {position}: {Explain(error.Message)}");
        }
    }

    /// <summary>Whether brackets outside strings open more than <see cref="MaxDepth"/> levels at some point.</summary>
    private static bool NestedTooDeep(string text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{' && ++depth > MaxDepth)
            {
                return true;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return false;
    }

    /// <summary>System.Text.Json's message without its own "LineNumber: ... | BytePositionInLine: ..." suffix.</summary>
    private static string Explain(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return reason.Length > 0 ? reason : "the text is not valid JSON";
    }

    /// <summary>The string value of a property (case-insensitive name), null when absent or JSON null.</summary>
    private static string? ReadString(string name, JsonElement root, string property)
    {
        foreach (var candidate in root.EnumerateObject())
        {
            if (!string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return candidate.Value.ValueKind switch
            {
                JsonValueKind.String => StringValue(name, property, candidate.Value),
                JsonValueKind.Null => null,
                var kind => throw Malformed(name, $"the JSON \"{property}\" must be a string, but it is {Describe(kind)}"),
            };
        }

        return null;
    }

    /// <summary>A string value; an escape that is not text (a lone UTF-16 surrogate such as <c>\ud800</c>) is malformed input.</summary>
    private static string? StringValue(string name, string property, JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            throw Malformed(name, $"the JSON \"{property}\" holds an escape that is not text (a lone \\uD800-\\uDFFF surrogate)");
        }
    }

    private static string? Clean(string? value)
    {
        var clean = value is null ? "" : TextNormalizer.CollapseWhitespace(TextNormalizer.Normalize(value));
        return clean.Length > 0 ? clean : null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "a string",
    };

    private static ArticleRejectedException Malformed(string name, string reason) =>
        new(name, RejectionCode.MalformedJson, reason);
}

using System.Globalization;
using System.Text;
using Digest.Summaries;

namespace Digest.Benchmarks;

/// <summary>
/// Deterministic, news-shaped text for benchmarks: events with their own names, places and topic words, reported by
/// several outlets in different sentences, so grouping and summarizing do realistic work.
/// </summary>
public sealed class SyntheticNews(int seed)
{
    private static readonly string[] Common =
    [
        "officials", "said", "on", "the", "city", "plan", "after", "report", "week", "public", "state", "new", "year",
        "meeting", "residents", "county", "would", "could", "million", "percent", "team", "local", "program", "budget",
        "board", "members", "statement", "decision", "expected", "community", "according", "announced", "early",
        "late", "Tuesday", "Wednesday", "Thursday", "project", "support", "concerns", "families", "workers", "schools",
    ];

    private static readonly string[] Syllables = ["bar", "len", "tor", "vik", "ma", "ros", "del", "an", "ki", "mor", "sel", "dra", "pen", "lo", "gar", "wen"];

    private readonly Random random = new(seed);

    /// <summary>A ~<paramref name="words"/>-word plain-text article with a title and paragraphs.</summary>
    public string TextArticle(int eventId, int words = 600)
    {
        var builder = new StringBuilder();
        builder.Append(Title(eventId)).Append("\n\n");
        var written = 0;
        while (written < words)
        {
            var paragraph = Paragraph(eventId, 3);
            written += paragraph.Split(' ').Length;
            builder.Append(paragraph).Append("\n\n");
        }

        return builder.ToString();
    }

    /// <summary>The same kind of article inside a whole web page: head metadata, navigation, cookie banner, related links, footer.</summary>
    public string HtmlPage(int eventId, int words = 600)
    {
        var text = TextArticle(eventId, words).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder();
        builder.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(text[0]).Append(" | Bench Gazette</title>")
            .Append("<meta property=\"og:site_name\" content=\"Bench Gazette\"><meta property=\"og:title\" content=\"").Append(text[0]).Append("\">")
            .Append("<script>window.dataLayer=[];function track(){}</script><style>body{font-family:serif}</style></head><body>")
            .Append("<header><nav><ul>");
        foreach (var section in new[] { "News", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather" })
        {
            builder.Append("<li><a href=\"/").Append(section.ToLowerInvariant()).Append("\">").Append(section).Append("</a></li>");
        }

        builder.Append("</ul></nav></header><div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>")
            .Append("<main><article><h1>").Append(text[0]).Append("</h1><p class=\"byline\">By Staff Reporter</p>");
        foreach (var paragraph in text.Skip(1))
        {
            builder.Append("<p>").Append(paragraph).Append("</p>");
        }

        builder.Append("<div class=\"share\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div></article>")
            .Append("<aside class=\"related\"><h2>Related stories</h2><ul>");
        for (var i = 0; i < 6; i++)
        {
            builder.Append("<li><a href=\"/story/").Append(i).Append("\">").Append(Title(eventId + i + 1)).Append("</a></li>");
        }

        builder.Append("</ul></aside></main><footer><p>Copyright Bench Gazette. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>")
            .Append("<script>track('page');</script></body></html>");
        return builder.ToString();
    }

    /// <summary>A summary record as the summarizer would make it, for event <paramref name="eventId"/>, reported by <paramref name="outlet"/>.</summary>
    public ArticleSummary Summary(int eventId, int outlet, DateTimeOffset day, int eventTerms = 0)
    {
        var at = day.AddMinutes(random.Next(0, 24 * 60));
        return new ArticleSummary
        {
            Article = $"event{eventId}-outlet{outlet}.txt",
            Title = Title(eventId),
            Outlet = $"Outlet {outlet}",
            Url = $"https://outlet{outlet}.example/news/{eventId}",
            PublishedAt = at,
            ContentHash = $"{eventId:x8}{outlet:x8}{random.Next():x8}",
            Sentences = [Sentence(eventId), Sentence(eventId), Sentence(eventId)],
            KeyPhrases = [Name(eventId, 0), Name(eventId, 1), Topic(eventId, 0)],
            EventTerms = EventTerms(eventId, eventTerms),
            WordCount = 600,
            SummarizedAt = at,
        };
    }

    /// <summary>
    /// <paramref name="count"/> event terms as the summarizer keeps them: the event's own names and figures (the first
    /// nine), then names many events share (a country, an institution).
    /// </summary>
    private string[] EventTerms(int eventId, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var terms = new string[Math.Max(count, 9)];
        for (var i = 0; i < 3; i++)
        {
            terms[i] = Name(eventId, i).ToLowerInvariant();
            terms[i + 3] = $"{Name(eventId, i)} {Name(eventId, (i + 1) % 3)}".ToLowerInvariant();
        }

        terms[6] = $"{(eventId % 900) + 2} people";
        terms[7] = $"${(eventId % 97) + 1}.{eventId % 10} million";
        terms[8] = $"{2000 + (eventId % 27)}";
        for (var i = 9; i < terms.Length; i++)
        {
            terms[i] = Capitalize(Common[random.Next(Common.Length)]).ToLowerInvariant();
        }

        return terms[..count];
    }

    private string Title(int eventId) =>
        $"{Name(eventId, 0)} {Topic(eventId, 0)} {Common[random.Next(Common.Length)]} in {Name(eventId, 2)}";

    private string Paragraph(int eventId, int sentences) =>
        string.Join(' ', Enumerable.Range(0, sentences).Select(_ => Sentence(eventId)));

    private string Sentence(int eventId)
    {
        var words = new List<string>(18);
        var length = random.Next(12, 20);
        for (var i = 0; i < length; i++)
        {
            words.Add(random.Next(4) switch
            {
                0 => Name(eventId, random.Next(3)),
                1 => Topic(eventId, random.Next(4)),
                _ => Common[random.Next(Common.Length)],
            });
        }

        if (random.Next(3) == 0)
        {
            words.Insert(random.Next(words.Count), (eventId % 97 + 3).ToString(CultureInfo.InvariantCulture));
        }

        var sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    /// <summary>A proper name owned by an event (three per event): capitalised syllables derived from the id.</summary>
    private static string Name(int eventId, int which) => Capitalize(Word((eventId * 3) + which + 1000));

    /// <summary>A topic word owned by an event (four per event).</summary>
    private static string Topic(int eventId, int which) => Word((eventId * 4) + which + 5_000_000);

    private static string Word(int n)
    {
        var builder = new StringBuilder();
        do
        {
            builder.Append(Syllables[n % Syllables.Length]);
            n /= Syllables.Length;
        }
        while (n > 0);
        return builder.ToString();
    }

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}

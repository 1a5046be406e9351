using System.Globalization;
using System.Text;

namespace Digest.Benchmarks;

/// <summary>
/// Articles shaped to stress intake, as an unlucky operator or an attacker would send them: as large as the size
/// limit allows, or nested as deeply as the bytes allow. Deterministic, for the benchmark and the tests.
/// </summary>
public static class HostileInput
{
    /// <summary>A real sentence, found inside the deep nesting of the nested pages.</summary>
    public const string Paragraph = "The council approved the harbor budget after a long debate on Tuesday evening, officials said.";

    private static readonly string[] Words =
    [
        "council", "budget", "harbor", "storm", "police", "ferry", "bridge", "school", "water", "power", "mayor", "vote",
        "river", "market", "hospital", "nurse", "station", "airport", "report", "court", "judge", "county", "farm", "price",
    ];

    /// <summary>Plain text of about <paramref name="bytes"/> bytes of distinct sentences, two to a paragraph.</summary>
    public static string DistinctSentences(int bytes)
    {
        var random = new Random(7);
        var text = new StringBuilder("A long report on the harbor\n\n", bytes + 256);
        for (var i = 0; text.Length < bytes - 300; i++)
        {
            text.Append("The");
            for (var w = random.Next(10, 20); w > 0; w--)
            {
                text.Append(' ').Append(Words[random.Next(Words.Length)]);
            }

            text.Append(CultureInfo.InvariantCulture, $" item {i} was noted by officials on Tuesday.").Append(i % 2 == 1 ? "\n\n" : " ");
        }

        return text.ToString();
    }

    /// <summary>About <paramref name="bytes"/> bytes of one sentence repeated, in one paragraph.</summary>
    public static string RepeatedSentence(int bytes)
    {
        const string sentence = "The council approved the harbor budget after a long debate on Tuesday evening. ";
        return "Repeated\n\n" + string.Concat(Enumerable.Repeat(sentence, (bytes - 100) / sentence.Length));
    }

    /// <summary>Markdown whose whole body is one line of about <paramref name="bytes"/> bytes.</summary>
    public static string OneLineMarkdown(int bytes) => "# One line\n\n" + DistinctSentences(bytes - 20).Replace("\n\n", " ", StringComparison.Ordinal) + "\n";

    /// <summary>A page with <paramref name="depth"/> nested <c>&lt;div&gt;</c>s around one paragraph, closed or left open.</summary>
    public static string DeepHtml(int depth, bool closed = true) =>
        "<html><head><title>Deep page</title></head><body>" + Repeat("<div>", depth) + "<p>" + Paragraph + "</p>" +
        (closed ? Repeat("</div>", depth) : string.Empty) + "</body></html>";

    /// <summary>Markdown with <paramref name="depth"/> levels of list, block quote or link brackets around one sentence.</summary>
    public static string DeepMarkdown(string kind, int depth) => "# Deep\n\n" + kind switch
    {
        "list" => Repeat("- ", depth) + Paragraph + "\n",
        "quote" => Repeat(">", depth) + " " + Paragraph + "\n",
        "emphasis" => Repeat("*_", depth) + Paragraph + Repeat("_*", depth) + "\n",
        _ => Repeat("[", depth) + Paragraph + Repeat("](x)", depth) + "\n",
    };

    /// <summary>A JSON article whose body is wrapped in <paramref name="depth"/> arrays.</summary>
    public static string DeepJson(int depth) => "{\"title\": \"Deep\", \"body\": " + Repeat("[", depth) + "\"" + Paragraph + "\"" + Repeat("]", depth) + "}";

    private static string Repeat(string part, int count) => new StringBuilder(part.Length * count).Insert(0, part, count).ToString();
}

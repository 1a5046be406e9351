using System.Text;
using Digest.Articles;
using Digest.Summaries;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Articles;

/// <summary>
/// Fuzzing intake within a fixed budget: random bytes and mutations of the sample articles (bit flips, cut and
/// repeated stretches, spliced files, deep nesting, markup tokens, invalid UTF-8) in every format. Each input must
/// give an article (which then summarizes or is rejected with a reason) or a foreseen rejection: never an exception,
/// and never the catch-all rejection that intake uses for a failure it did not foresee. Seeded, so a failure names
/// an input that reproduces.
/// </summary>
public class IntakeFuzzTests
{
    private const int Iterations = 1500;

    private static readonly string[] Extensions = [".txt", ".md", ".html", ".json"];

    private static readonly string[] Tokens =
    [
        "<div>", "</div>", "<p>", "</p>", "<a href=\"", "<!--", "-->", "<script>", "</script>", "<title>", "<![CDATA[", "<table><tr><td>",
        "<svg><g>", "<math>", "<template>", "<br/>", "&amp;", "&#x0;", "&#99999999;", "[", "]", "{", "}", "\"", "\\", ":", ",",
        "\"body\":", "> ", "- ", "* ", "1. ", "```", "~~~", "---\n", "# ", "](", "![", "***", "__", "|", "\n\n", "\r", "\u0000",
        "\uFEFF", "\u202E", "\u00A0", "…", "—", "“", "é", "e\u0301", "🙂",
    ];

    private static readonly byte[][] Seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*", SearchOption.AllDirectories)
        .Where(f => Extensions.Contains(Path.GetExtension(f)))
        .Order(StringComparer.Ordinal)
        .Select(File.ReadAllBytes)
        .ToArray();

    [Fact]
    public async Task ReadAndSummarize_RandomAndMutatedInputInEveryFormat_NeverFailsUnforeseen()
    {
        var reader = new ArticleReader(new IntakeOptions { MaxArticleBytes = 256 * 1024 });
        var summarizer = new BuiltInSummarizer(new SummarizerOptions(), new ManualTime(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero)));
        var random = new Random(20261120);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Iterations; i++)
        {
            var name = $"fuzz-{i}{Extensions[i % Extensions.Length]}";
            var input = Mutate(random, i);
            string outcome;
            try
            {
                var article = reader.Read(name, input);
                var summary = await summarizer.SummarizeAsync(article);
                Assert.True(summary.Sentences.Count > 0, $"{name}: a summary without sentences");
                outcome = "summarized";
            }
            catch (ArticleRejectedException rejected)
            {
                Assert.True(rejected.InnerException is null,
                    $"{name} (iteration {i}): intake failed unforeseen: {rejected.InnerException}\ninput: {Convert.ToBase64String(input)}");
                Assert.False(string.IsNullOrWhiteSpace(rejected.Reason), name);
                outcome = rejected.Code.ToString();
            }
            catch (Exception other)
            {
                Assert.Fail($"{name} (iteration {i}): {other}\ninput: {Convert.ToBase64String(input)}");
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The fuzzing reaches both sides: real summaries and several kinds of rejection.
        Assert.True(outcomes.GetValueOrDefault("summarized") > Iterations / 10, string.Join(", ", outcomes));
        Assert.True(outcomes.Count >= 4, string.Join(", ", outcomes));
    }

    private static byte[] Mutate(Random random, int iteration)
    {
        if (iteration % 10 == 9)
        {
            var noise = new byte[random.Next(1, 4096)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = new List<byte>(Seeds[random.Next(Seeds.Length)]);
        for (var m = random.Next(1, 6); m > 0 && bytes.Count > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0:
                    for (var k = random.Next(1, 16); k > 0; k--)
                    {
                        var flip = random.Next(bytes.Count);
                        bytes[flip] ^= (byte)(1 << random.Next(8));
                    }

                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 512), bytes.Count - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 256), bytes.Count - at);
                    var stretch = bytes.GetRange(at, length);
                    for (var k = random.Next(1, 40); k > 0; k--)
                    {
                        bytes.InsertRange(at, stretch);
                    }

                    break;
                case 3:
                    var other = Seeds[random.Next(Seeds.Length)];
                    var from = random.Next(other.Length);
                    bytes.InsertRange(at, other.AsSpan(from, Math.Min(random.Next(1, 1024), other.Length - from)).ToArray());
                    break;
                case 4:
                    var token = Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]);
                    var depth = random.Next(4) == 0 ? random.Next(100, 3000) : random.Next(1, 4);
                    for (var k = 0; k < depth; k++)
                    {
                        bytes.InsertRange(at, token);
                    }

                    break;
                case 5:
                    bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}

using System.CommandLine;
using System.Globalization;
using Digest.Articles.Evaluation;

namespace Digest.Cli;

/// <summary>
/// <c>evaluate-extraction FOLDER</c>: scores the article body Digest keeps from each page
/// (or, with <c>--stage extractor</c>, the HTML extractor alone) on a benchmark folder (ground-truth.json and
/// html/&lt;id&gt;.html.gz), printing each page worst first and then the mean precision, recall and F1.
/// </summary>
public static class EvaluateExtractionCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Benchmark folder with ground-truth.json and html/<id>.html.gz" };
        var half = new Option<int>("--half")
        {
            Description = "Score only half of the pages in id order: 1 = 1st, 3rd, 5th..., 2 = 2nd, 4th, ...; 0 = all",
            DefaultValueFactory = _ => 0,
        };
        half.AcceptOnlyFromAmong("0", "1", "2");
        var stage = new Option<string>("--stage")
        {
            Description = "What to score: 'intake' (default: the body Digest keeps, after cleanup) or 'extractor' (the HTML extractor alone)",
            DefaultValueFactory = _ => "intake",
        };
        stage.AcceptOnlyFromAmong("intake", "extractor");
        var command = new Command("evaluate-extraction", "Score the HTML article extractor against human-marked article bodies.") { folder, half, stage };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<BenchmarkPage> pages;
            try
            {
                pages = BenchmarkFolder.Load(parse.GetValue(folder)!.FullName);
            }
            catch (BenchmarkFolderException missing)
            {
                await error.WriteLineAsync(missing.Message);
                return DigestCli.BadArguments;
            }

            var selected = parse.GetValue(half) switch
            {
                1 => pages.Where((_, index) => index % 2 == 0).ToArray(),
                2 => pages.Where((_, index) => index % 2 == 1).ToArray(),
                _ => pages,
            };
            Func<string, string> body = parse.GetValue(stage) == "extractor" ? ExtractedBody.FromHtml : ExtractedBody.FromIntake;
            var result = BenchmarkRun.Score(selected, body, TimeProvider.System);
            foreach (var page in result.Pages.OrderBy(p => p.Score.F1).ThenBy(p => p.Id, StringComparer.Ordinal))
            {
                await output.WriteLineAsync(Invariant($"F1 {page.Score.F1:0.000}  precision {page.Score.Precision:0.000}  recall {page.Score.Recall:0.000}  {page.Id}"));
            }

            var summary = result.Summary;
            await output.WriteLineAsync(Invariant($"extraction {result.ExtractionTime.TotalMilliseconds / summary.Pages:0.00} ms/page"));
            await output.WriteLineAsync(Invariant($"pages {summary.Pages}  precision {summary.Precision:0.000}  recall {summary.Recall:0.000}  F1 {summary.F1:0.000}"));
            return DigestCli.Success;
        });
        return command;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Digest.Articles;
using Digest.Briefings;
using Digest.Cli.Evaluation.Grouping;
using Digest.Summaries;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary>
/// <c>evaluate-grouping ARTICLES-DIR --labels LABELS.json</c>: runs a labelled day through the product's own path
/// (intake, summarize, group, write and rank the stories, with the settings a run would use) and scores the stories
/// against the event labels: B-cubed precision, recall and F1, stories that mix events (overall and among the first
/// 20), and events with several texts that are split over stories. Nothing is stored.
/// </summary>
public static class EvaluateGroupingCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<DirectoryInfo>("articles-dir") { Description = "Folder of article files, one day's uploads" };
        var labels = new Option<FileInfo>("--labels")
        {
            Description = "JSON object naming each file's event: {\"file.txt\": \"event-id\", ...} (names relative to the folder)",
            Required = true,
        };
        var top = new Option<int>("--top") { Description = "How many of the first stories count as the top of the briefing", DefaultValueFactory = _ => 20 };
        var list = new Option<bool>("--list") { Description = "Also print each story of the top that mixes events, and each split event" };
        var command = new Command("evaluate-grouping", "Score how a labelled day's articles are grouped into stories.") { folder, labels, top, list };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new Request(parse.GetValue(folder)!, parse.GetValue(labels)!, parse.GetValue(top), parse.GetValue(list));
            return await ExecuteAsync(request, output, error, cancellationToken);
        });
        return command;
    }

    private sealed record Request(DirectoryInfo Folder, FileInfo Labels, int Top, bool List);

    private static async Task<int> ExecuteAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!request.Folder.Exists)
        {
            await error.WriteLineAsync($"Articles folder '{TerminalText.Safe(request.Folder.FullName)}' does not exist.");
            return DigestCli.BadArguments;
        }

        if (request.Top < 1)
        {
            await error.WriteLineAsync("--top must be at least 1.");
            return DigestCli.BadArguments;
        }

        IReadOnlyDictionary<string, string> labels;
        try
        {
            labels = LabelledDay.ReadLabels(request.Labels.FullName);
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await error.WriteLineAsync($"Labels: {TerminalText.Safe(unreadable.Message)}");
            return DigestCli.BadArguments;
        }

        // The services a run uses (settings from the environment, validated), over a scratch folder nothing is kept in.
        var scratch = Directory.CreateTempSubdirectory("digest-evaluate-grouping-");
        try
        {
            await using var services = RunCommand.BuildServices(scratch.FullName, storage: null);
            try
            {
                DigestServices.ValidateOptions(services);
            }
            catch (OptionsValidationException invalid)
            {
                await error.WriteLineAsync($"Configuration error: {string.Join("; ", invalid.Failures)}");
                return DigestCli.BadArguments;
            }

            var (summaries, set) = await SummarizeAsync(request.Folder, services, cancellationToken);
            var clock = Stopwatch.StartNew();
            var briefing = services.GetRequiredService<BriefingComposer>().Compose(new DateOnly(2000, 1, 1), summaries, []);
            clock.Stop();

            var stories = briefing.Stories.Select(s => (IReadOnlyList<string>)s.Sources.Select(x => x.Article).ToArray()).ToArray();
            var score = GroupingScore.Score(stories, labels, request.Top);
            var unlabelled = summaries.Count(s => !labels.ContainsKey(s.Article));
            await output.WriteLineAsync(Invariant($"texts {summaries.Count + set} read: {summaries.Count} summarized, {set} set aside, {unlabelled} without a label"));
            await output.WriteLineAsync(Invariant($"stories {briefing.Stories.Count} ({score.Stories} with labelled texts) for {score.Events} events; composed in {clock.Elapsed.TotalSeconds:0.00} s"));
            await output.WriteLineAsync(Invariant($"B-cubed precision {score.Precision:0.000}  recall {score.Recall:0.000}  F1 {score.F1:0.000}"));
            await output.WriteLineAsync(Invariant($"stories mixing events {score.MixedStories} of {score.Stories}; among the first {score.TopCount}: {score.MixedInTop}"));
            await output.WriteLineAsync(Invariant($"events split {score.SplitEvents} of {score.MultiTextEvents} with several texts ({score.SplitShare:0.0%})"));
            if (request.List)
            {
                await ListAsync(output, briefing, labels, request.Top);
            }

            return DigestCli.Success;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Intake and summary of every file, as <c>run</c> does them, without storing anything.</summary>
    private static async Task<(List<ArticleSummary> Summaries, int SetAside)> SummarizeAsync(
        DirectoryInfo folder, IServiceProvider services, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<ArticleReader>();
        var summarizer = services.GetRequiredService<ISummarizer>();
        var summaries = new List<ArticleSummary>();
        var setAside = 0;
        foreach (var entry in ArticleFolder.List(folder))
        {
            var file = await ArticleFolder.ReadAsync(entry, reader.MaxArticleBytes, cancellationToken);
            if (file.Content is null)
            {
                setAside++;
                continue;
            }

            try
            {
                summaries.Add(await summarizer.SummarizeAsync(reader.Read(entry.Name, file.Content), cancellationToken));
            }
            catch (ArticleRejectedException)
            {
                setAside++;
            }
        }

        return (summaries, setAside);
    }

    private static async Task ListAsync(TextWriter output, Briefing briefing, IReadOnlyDictionary<string, string> labels, int top)
    {
        for (var rank = 0; rank < Math.Min(top, briefing.Stories.Count); rank++)
        {
            var story = briefing.Stories[rank];
            var events = story.Sources.Select(s => labels.GetValueOrDefault(s.Article, "?")).GroupBy(e => e, StringComparer.Ordinal).ToArray();
            if (events.Length > 1)
            {
                await output.WriteLineAsync(Invariant($"mixed #{rank + 1} ({story.Sources.Count} sources, events {string.Join(", ", events.Select(e => $"{e.Key}x{e.Count()}"))}): {TerminalText.Safe(story.Headline)}"));
            }
        }

        var storyOf = briefing.Stories.SelectMany((s, i) => s.Sources.Select(x => (x.Article, Story: i))).ToDictionary(x => x.Article, x => x.Story, StringComparer.Ordinal);
        foreach (var split in storyOf.Where(x => labels.ContainsKey(x.Key)).GroupBy(x => labels[x.Key], StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Value).Distinct().Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(Invariant($"split event {TerminalText.Safe(split.Key)}: stories {string.Join(", ", split.Select(x => $"#{x.Value + 1}").Distinct())}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.CommandLine;
using System.Text.Json;
using Digest.Briefings;

namespace Digest.Cli.Editorial;

/// <summary>
/// <c>check-briefing BRIEFING.json... [--list] [--strict]</c>: counts, per kind, what an editor would send back in
/// briefings (<see cref="BriefingCheck"/>), over all the files given.
/// </summary>
public static class CheckBriefingCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("briefings") { Description = "Briefing JSON files (<out>/briefings/<date>.json)", Arity = ArgumentArity.OneOrMore };
        var list = new Option<bool>("--list") { Description = "Also print each finding: kind, file, story number and the text at fault" };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 when anything is found" };
        var command = new Command("check-briefing", "Count what an editor would send back in briefings: sources named by a file name or hash; headlines that are clutter, cut, datelined or about something else; sentences with a dangling reference, an unnamed speaker, a caption or page text; facts told twice; text not in English.")
        {
            files, list, strict,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = BriefingCheck.Kinds.ToDictionary(k => k, _ => 0);
            int stories = 0, sentences = 0, sources = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var name = TerminalText.Safe(file.Name);
                Briefing? briefing;
                try
                {
                    // The same safe reading as run and extract: no pipes, devices or links, and a size limit.
                    var read = await ArticleFolder.ReadAsync(ArticleFolder.File(file), MaxBriefingBytes, cancellationToken);
                    if (read.Content is null)
                    {
                        await error.WriteLineAsync($"{name}: not read: {TerminalText.Safe(read.Skipped)}");
                        return DigestCli.BadArguments;
                    }

                    briefing = JsonSerializer.Deserialize<Briefing>(read.Content, DigestJson.Options);
                    briefing = briefing is null ? null : Storage.RecordShape.Checked(briefing);
                }
                catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"{name}: not a readable briefing: {TerminalText.Safe(e.Message)}");
                    return DigestCli.BadArguments;
                }

                if (briefing is null)
                {
                    await error.WriteLineAsync($"{name}: not a briefing");
                    return DigestCli.BadArguments;
                }

                stories += briefing.Stories.Count;
                sentences += briefing.Stories.Sum(s => s.Summary.Count);
                sources += briefing.Stories.Sum(s => s.Sources.Count);
                foreach (var finding in BriefingCheck.Check(briefing))
                {
                    counts[finding.Kind]++;
                    if (parse.GetValue(list))
                    {
                        await output.WriteLineAsync($"{finding.Kind}\t{name}\t{finding.Story}\t{TerminalText.Safe(finding.Text)}");
                    }
                }
            }

            await output.WriteLineAsync($"{stories} stories, {sentences} story sentences, {sources} sources");
            foreach (var kind in BriefingCheck.Kinds)
            {
                var (of, unit) = kind switch
                {
                    BriefingCheck.SourceName => (sources, "sources"),
                    BriefingCheck.NearDuplicate => (stories, "stories (pairs)"),
                    BriefingCheck.NotEnglish => (stories, "stories"),
                    _ when BriefingCheck.IsHeadlineKind(kind) => (stories, "headlines"),
                    _ => (sentences, "sentences"),
                };
                await output.WriteLineAsync($"{kind,-20} {counts[kind],5} of {of} {unit}");
            }

            var headlines = BriefingCheck.Kinds.Where(BriefingCheck.IsHeadlineKind).Sum(k => counts[k]);
            var flaggedSentences = counts[BriefingCheck.Dangling] + counts[BriefingCheck.UnnamedSpeaker] + counts[BriefingCheck.Caption] + counts[BriefingCheck.PageText];
            await output.WriteLineAsync($"headlines flagged: {Percent(headlines, stories)}; story sentences flagged: {Percent(flaggedSentences, sentences)}; total findings: {counts.Values.Sum()}");
            return parse.GetValue(strict) && counts.Values.Any(c => c > 0) ? DigestCli.Failure : DigestCli.Success;
        });
        return command;
    }

    /// <summary>
    /// The largest briefing file read: a day's briefing is well under a megabyte; 64 MiB leaves room for any real
    /// one while a runaway or hostile file cannot exhaust memory.
    /// </summary>
    public const int MaxBriefingBytes = 64 * 1024 * 1024;

    private static string Percent(int count, int of) =>
        of == 0 ? "0" : $"{count} ({100.0 * count / of:0.0}%)";
}

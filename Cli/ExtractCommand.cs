using System.CommandLine;
using System.Text.Json;
using Digest.Articles;

namespace Digest.Cli;

/// <summary><c>extract FILE...</c>: prints each parsed article as one JSON line, to check intake on real pages.</summary>
public static class ExtractCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Article files (.txt, .md, .html, .htm, .json)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("extract", "Print the parsed article of each file as one JSON object per line.") { files };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new IntakeOptions();
            var reader = new ArticleReader(options);
            var failed = false;
            foreach (var file in parse.GetValue(files)!)
            {
                var shown = TerminalText.Safe(file.Name);
                if (!file.Exists)
                {
                    await error.WriteLineAsync($"{shown}: no such file");
                    failed = true;
                    continue;
                }

                var read = await ArticleFolder.ReadAsync(ArticleFolder.File(file), options.MaxArticleBytes, cancellationToken);
                if (read.Content is not { } content)
                {
                    await error.WriteLineAsync($"{shown}: skipped: {TerminalText.Safe(read.Skipped)}");
                    failed = true;
                    continue;
                }

                try
                {
                    var article = reader.Read(file.Name, content);
                    await output.WriteLineAsync(JsonSerializer.Serialize(new
                    {
                        file = file.Name,
                        article.Title,
                        article.Outlet,
                        article.Url,
                        article.PublishedAt,
                        body = article.Paragraphs,
                        article.Dropped,
                    }, DigestJson.Compact));
                }
                catch (ArticleRejectedException rejected)
                {
                    await error.WriteLineAsync($"{shown}: rejected: {TerminalText.Safe(rejected.Reason)}");
                    failed = true;
                }
            }

            return failed ? DigestCli.Failure : DigestCli.Success;
        });
        return command;
    }
}

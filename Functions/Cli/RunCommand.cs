using System.CommandLine;

namespace Digest.Cli;

/// <summary><c>run ARTICLES-DIR</c>: the whole daily flow on one machine.</summary>
public static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Argument<DirectoryInfo>("articles-dir") { Description = "Folder of article files" };
        var command = new Command("run", "Summarize a folder of articles, compose the briefing and write the emails.") { articles };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await output.WriteLineAsync("not yet");
            return DigestCli.Success;
        });
        return command;
    }
}

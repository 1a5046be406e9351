using System.CommandLine;
using Digest.Articles;
using Digest;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Digest.Cli;

/// <summary>
/// <c>upload FILES-OR-DIRS [--storage CONN] [--outlet NAME] [--out DIR]</c>: checks each article file with intake and
/// puts the readable ones into the store's articles (the <c>articles</c> container of the storage account, or the
/// local data folder), with their outlet, URL and original file name. A file that intake rejects is reported with the
/// reason and not uploaded; a name that is already uploaded is left as it is.
/// </summary>
public static class UploadCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<FileSystemInfo[]>("paths") { Description = "Article files or folders of them", Arity = ArgumentArity.OneOrMore };
        var storage = new Option<string?>("--storage") { Description = "Storage connection string (default: the AzureWebJobsStorage setting, else the local --out folder)" };
        var outlet = new Option<string?>("--outlet") { Description = "Outlet to record for every uploaded article (default: the outlet intake reads from the file)" };
        var outFolder = new Option<DirectoryInfo>("--out")
        {
            Description = "Local data folder, used when no storage account is configured",
            DefaultValueFactory = _ => new DirectoryInfo("digest-data"),
        };
        var command = new Command("upload", "Check article files and upload the readable ones to the articles store.") { paths, storage, outlet, outFolder };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new UploadRequest(parse.GetValue(paths)!, parse.GetValue(storage), parse.GetValue(outlet), parse.GetValue(outFolder)!);
            return await ExecuteAsync(request, output, error, cancellationToken);
        });
        return command;
    }

    private sealed record UploadRequest(FileSystemInfo[] Paths, string? Storage, string? Outlet, DirectoryInfo Out);


    private static async Task<int> ExecuteAsync(UploadRequest request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var missing = request.Paths.FirstOrDefault(p => !p.Exists);
        if (missing is not null)
        {
            await error.WriteLineAsync($"'{missing.FullName}' does not exist.");
            return DigestCli.BadArguments;
        }

        if (DataFolder.Problem(request.Out) is { } badFolder)
        {
            await error.WriteLineAsync(badFolder);
            return DigestCli.BadArguments;
        }

        ServiceProvider services;
        try
        {
            services = RunCommand.BuildServices(request.Out.FullName, request.Storage);
            DigestServices.ValidateOptions(services);
        }
        catch (Exception invalid) when (invalid is FormatException or OptionsValidationException)
        {
            await error.WriteLineAsync($"Configuration error: {invalid.Message}");
            return DigestCli.BadArguments;
        }

        await using (services)
        {
            var store = services.GetRequiredService<IDigestStore>();
            var reader = services.GetRequiredService<ArticleReader>();
            var uploads = Expand(request.Paths);
            var maxBytes = services.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxArticleBytes;
            await output.WriteLineAsync($"Uploading {uploads.Count} files to {StorageServices.Describe(store)}");
            var counts = new Dictionary<string, int> { ["uploaded"] = 0, ["already there"] = 0, ["rejected"] = 0 };
            try
            {
                foreach (var upload in uploads)
                {
                    var outcome = await UploadAsync(store, reader, upload, maxBytes, request.Outlet, cancellationToken);
                    counts[outcome.Kind]++;
                    await output.WriteLineAsync($"  {TerminalText.Safe(upload.Name)}: {TerminalText.Safe(outcome.Text)}");
                }
            }
            catch (Azure.RequestFailedException failure)
            {
                await error.WriteLineAsync($"Upload failed: {failure.Message}");
                return DigestCli.Failure;
            }
            catch (AggregateException retried) when (retried.InnerExceptions.All(e => e is Azure.RequestFailedException))
            {
                await error.WriteLineAsync($"Upload failed: storage did not answer after retries: {retried.InnerExceptions[^1].Message}");
                return DigestCli.Failure;
            }

            await output.WriteLineAsync($"Uploaded {counts["uploaded"]}, {counts["already there"]} already there, {counts["rejected"]} rejected.");
            return DigestCli.Success;
        }
    }

    private static async Task<(string Kind, string Text)> UploadAsync(
        IArticleStore store, ArticleReader reader, FolderEntry upload, int maxBytes, string? outlet, CancellationToken cancellationToken)
    {
        if (BlobNames.Problem(upload.Name) is { } problem)
        {
            return ("rejected", $"rejected: the name is not allowed ({problem})");
        }

        var file = await ArticleFolder.ReadAsync(upload, maxBytes, cancellationToken);
        if (file.Content is not { } content)
        {
            return ("rejected", $"skipped: {file.Skipped}");
        }

        Article article;
        try
        {
            article = reader.Read(upload.Name, content);
        }
        catch (ArticleRejectedException rejected)
        {
            return ("rejected", $"rejected: {rejected.Reason}");
        }

        var stored = new StoredArticle(upload.Name, content, outlet ?? article.Outlet, article.Url, Path.GetFileName(upload.FullPath));
        try
        {
            if (!await store.AddArticleAsync(stored, cancellationToken))
            {
                return ("already there", "already uploaded, left as it is");
            }
        }
        catch (ArticleNameClashException clash)
        {
            return ("rejected", $"rejected: {clash.Message}");
        }

        var details = new[] { stored.Outlet is null ? null : $"outlet: {stored.Outlet}", stored.Url is null ? null : $"url: {stored.Url}" }
            .Where(d => d is not null);
        return ("uploaded", $"uploaded{(details.Any() ? " (" + string.Join(", ", details) + ")" : string.Empty)}");
    }

    /// <summary>
    /// Files as given, and every non-hidden file under each folder, named by their path relative to that folder
    /// (read safely: links and special files are skipped with their reason, see <see cref="ArticleFolder"/>).
    /// </summary>
    private static List<FolderEntry> Expand(FileSystemInfo[] paths)
    {
        var uploads = new List<FolderEntry>();
        foreach (var path in paths)
        {
            if (path is DirectoryInfo folder)
            {
                uploads.AddRange(ArticleFolder.List(folder));
            }
            else
            {
                uploads.Add(ArticleFolder.File((FileInfo)path));
            }
        }

        return uploads;
    }
}

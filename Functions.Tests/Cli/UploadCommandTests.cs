using System.Text.Json;
using Digest.Cli;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Digest.Tests.Storage;

namespace Digest.Tests.Cli;

/// <summary>
/// <c>upload</c> and <c>run --storage</c> end to end against a fresh Azurite per test (they use the production
/// container names, so no test may see another's data).
/// </summary>
public sealed class UploadCommandTests : IAsyncLifetime
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples");
    private readonly AzuriteFixture azurite = new();
    private readonly string outFolder = Directory.CreateTempSubdirectory("digest-upload-").FullName;

    public Task InitializeAsync() => azurite.InitializeAsync();

    public async Task DisposeAsync()
    {
        await azurite.DisposeAsync();
        Directory.Delete(outFolder, recursive: true);
    }

    private static async Task<(int Exit, string Output, string Error)> CliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await DigestCli.InvokeAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Output, string Error)> UploadAsync(params string[] args) =>
        CliAsync(["upload", .. args, "--storage", azurite.ConnectionString, "--out", outFolder]);

    [Fact]
    public async Task Upload_SamplesFolder_PutsEveryArticleIntoTheArticlesContainerWithItsMetadata()
    {
        var (exit, output, error) = await UploadAsync(Path.Combine(Samples, "articles"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("Uploaded 18, 0 already there, 0 rejected.", output);
        var names = await azurite.BlobNamesAsync(StorageNames.ArticlesContainer);
        Assert.Equal(Directory.GetFiles(Path.Combine(Samples, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal), names);
        var json = await azurite.DownloadAsync(StorageNames.ArticlesContainer, "brennport-budget-metro-wire.json");
        Assert.Equal("brennport-budget-metro-wire.json", json!.Value.Metadata["originalname"]);
        Assert.Equal("Metro Wire", json.Value.Metadata["outlet"]);
        Assert.StartsWith("http", json.Value.Metadata["url"]);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(Samples, "articles", "brennport-budget-metro-wire.json")), json.Value.Content);
    }

    [Fact]
    public async Task Upload_BadFiles_AreReportedWithTheirReasonAndNotUploaded()
    {
        var (exit, output, error) = await UploadAsync(Path.Combine(Samples, "rejects"), Path.Combine(Samples, "articles", "selkie-launch-valley-ledger.json"));

        Assert.True(exit == 0, output + error);
        Assert.Contains("Uploaded 1, 0 already there, 5 rejected.", output);
        foreach (var bad in Directory.GetFiles(Path.Combine(Samples, "rejects")).Select(Path.GetFileName))
        {
            Assert.Contains($"  {bad}: rejected: ", output);
        }

        Assert.Equal(["selkie-launch-valley-ledger.json"], await azurite.BlobNamesAsync(StorageNames.ArticlesContainer));
    }

    [Fact]
    public async Task Upload_SameFileTwiceWithAnotherOutlet_LeavesTheFirstUploadAsItIs()
    {
        var file = Path.Combine(Samples, "articles", "brennport-budget-harbor-times.txt");
        await UploadAsync(file, "--outlet", "Harbor Times Weekend");

        var (exit, output, _) = await UploadAsync(file, "--outlet", "Someone Else");

        Assert.Equal(0, exit);
        Assert.Contains("brennport-budget-harbor-times.txt: already uploaded, left as it is", output);
        var blob = await azurite.DownloadAsync(StorageNames.ArticlesContainer, "brennport-budget-harbor-times.txt");
        Assert.Equal("Harbor Times Weekend", blob!.Value.Metadata["outlet"]);
    }

    [Fact]
    public async Task UploadThenRunWithStorage_SummariesAndBriefingLandInTheAccount()
    {
        await UploadAsync(Path.Combine(Samples, "articles"));

        var (exit, output, error) = await CliAsync("run", "--storage", azurite.ConnectionString, "--date", "2026-11-20", "--out", outFolder);

        Assert.True(exit == 0, output + error);
        Assert.Contains("18 files in the articles of storage account", output);
        Assert.Contains("Articles read:  18 (18 summarized, 0 already summarized, 0 rejected)", output);
        var briefing = await azurite.DownloadAsync(StorageNames.BriefingsContainer, "2026-11-20.json");
        Assert.Equal(7, JsonDocument.Parse(briefing!.Value.Content).RootElement.GetProperty("stories").GetArrayLength());
        Assert.NotNull(await azurite.DownloadAsync(StorageNames.BriefingsContainer, "2026-11-20.html"));
        Assert.Equal(18, (await azurite.BlobNamesAsync(StorageNames.SummariesContainer, "summary/")).Count);
        Assert.False(Directory.Exists(Path.Combine(outFolder, "briefings")));

        var (rerun, rerunOutput, _) = await CliAsync("run", "--storage", azurite.ConnectionString, "--date", "2026-11-20", "--out", outFolder);
        Assert.Equal(0, rerun);
        Assert.Contains("(0 summarized, 18 already summarized, 0 rejected)", rerunOutput);
    }

    [Fact]
    public async Task Upload_WithoutStorage_PutsTheArticlesInTheLocalDataFolderWhereRunReadsThem()
    {
        var (uploaded, uploadOutput, _) = await CliAsync("upload", Path.Combine(Samples, "articles"), "--out", outFolder);
        var (exit, output, error) = await CliAsync("run", Path.Combine(outFolder, "articles"), "--out", outFolder, "--date", "2026-11-20");

        Assert.Equal(0, uploaded);
        Assert.Contains(outFolder, uploadOutput);
        Assert.True(exit == 0, output + error);
        Assert.Contains("Stories:        7 from 18 distinct articles", output);
        Assert.True(File.Exists(Path.Combine(outFolder, "briefings", "2026-11-20.json")));
    }

    [Fact]
    public async Task Run_NoArticlesFolderAndNoStorage_IsABadArgument()
    {
        var (exit, _, error) = await CliAsync("run", "--out", outFolder, "--date", "2026-11-20");

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("--storage", error);
    }

    [Fact]
    public async Task Upload_MissingPath_IsABadArgument()
    {
        var (exit, _, error) = await UploadAsync(Path.Combine(outFolder, "no-such-file.txt"));

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public async Task Upload_MalformedConnectionString_IsABadArgumentNamingTheProblem()
    {
        var (exit, _, error) = await CliAsync("upload", Path.Combine(Samples, "articles"), "--storage", "AccountName=x", "--out", outFolder);

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("storage connection string (the AzureWebJobsStorage setting or --storage) is not valid", error);
    }

    [Fact]
    public async Task Upload_WrongKey_FailsWithTheServiceErrorCode()
    {
        var (exit, _, error) = await CliAsync("upload", Path.Combine(Samples, "articles"), "--storage",
            azurite.ConnectionStringWithKey(Convert.ToBase64String(new byte[32])), "--out", outFolder);

        Assert.Equal(DigestCli.Failure, exit);
        Assert.Contains("AuthorizationFailure", error);
    }

    [Fact]
    public async Task Run_StorageStopped_FailsWithAClearErrorInsteadOfHanging()
    {
        await azurite.DisposeAsync();

        var (exit, _, error) = await CliAsync("run", "--storage", azurite.ConnectionString, "--date", "2026-11-20", "--out", outFolder);

        Assert.Equal(DigestCli.Failure, exit);
        Assert.Contains("did not answer", error);
    }
}

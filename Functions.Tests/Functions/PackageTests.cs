using System.IO.Compression;
using Digest.Cli;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Functions;

/// <summary>
/// <c>package</c> publishes the function app (Release) and zips it: the zip holds what the Functions host loads
/// (host.json, functions.metadata, worker.config.json, the extensions) and the worker, and no developer tools.
/// </summary>
[Collection(PublishedFunctionAppCollection.Name)]
public sealed class PackageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-package-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Package_FunctionApp_ZipHoldsEverythingTheHostLoadsAndNoDeveloperTools()
    {
        var zip = Path.Combine(folder, "digest-functions.zip");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(
            ["package", "--out", zip, "--project", Path.Combine(RepositoryRoot.Path, "Functions", "Functions.csproj")], output, error);

        Assert.True(exit == DigestCli.Success, error.ToString());
        using var archive = ZipFile.OpenRead(zip);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("host.json", entries);
        Assert.Contains("functions.metadata", entries);
        Assert.Contains("worker.config.json", entries);
        Assert.Contains("extensions.json", entries);
        Assert.Contains("Digest.Functions.dll", entries);
        Assert.Contains("Digest.dll", entries);
        Assert.DoesNotContain("Digest.Cli.dll", entries);
        Assert.DoesNotContain(entries, e => e.EndsWith(".bicep", StringComparison.Ordinal));
        using var hostJson = new StreamReader(archive.GetEntry("host.json")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), await hostJson.ReadToEndAsync());
        Assert.DoesNotContain(entries, e => e.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Package_PublishFolderWithoutFunctionsMetadata_IsRefusedNamingTheMissingFile()
    {
        var publish = Directory.CreateDirectory(Path.Combine(folder, "not-an-app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(publish, "host.json"), "{}");
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["package", "--publish-dir", publish, "--out", Path.Combine(folder, "x.zip")], new StringWriter(), error);

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("functions.metadata", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.zip")));
    }
}

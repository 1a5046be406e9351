using System.IO.Compression;
using System.Text;
using Digest.Articles.Evaluation;
using Digest.Cli;

namespace Digest.Tests.Articles.Evaluation;

public sealed class BenchmarkFolderTests : IDisposable
{
    private const string Body = "The city council voted on Monday to close the old bridge for repairs that will last until May.";
    private readonly string folder = Directory.CreateTempSubdirectory("digest-benchmark-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Load_ValidFolder_ReadsPagesInIdOrder()
    {
        WriteBenchmark(("b", Body), ("a", "Other text"));

        var pages = BenchmarkFolder.Load(folder);

        Assert.Equal(["a", "b"], pages.Select(p => p.Id));
        Assert.Equal(Body, pages[1].ExpectedBody);
        Assert.Contains(Body, pages[1].Html);
    }

    [Fact]
    public void Load_NoGroundTruth_ThrowsNamingTheFile()
    {
        var missing = Assert.Throws<BenchmarkFolderException>(() => BenchmarkFolder.Load(folder));

        Assert.Contains("ground-truth.json", missing.Message);
    }

    [Fact]
    public void Load_PageFileMissing_ThrowsNamingThePage()
    {
        File.WriteAllText(Path.Combine(folder, "ground-truth.json"), """{ "p1": { "articleBody": "x" } }""");

        var missing = Assert.Throws<BenchmarkFolderException>(() => BenchmarkFolder.Load(folder));

        Assert.Contains("p1.html.gz", missing.Message);
    }

    [Fact]
    public void Load_GroundTruthNotJson_Throws()
    {
        File.WriteAllText(Path.Combine(folder, "ground-truth.json"), "not json");

        Assert.Throws<BenchmarkFolderException>(() => BenchmarkFolder.Load(folder));
    }

    [Fact]
    public void Score_SwappedBodyFunction_ScoresWhatItReturns()
    {
        WriteBenchmark(("a", Body));
        var pages = BenchmarkFolder.Load(folder);

        var perfect = BenchmarkRun.Score(pages, _ => Body, TimeProvider.System);
        var nothing = BenchmarkRun.Score(pages, _ => "", TimeProvider.System);

        Assert.Equal(1, perfect.Summary.F1);
        Assert.Equal(0, nothing.Summary.F1);
    }

    [Fact]
    public async Task EvaluateExtraction_BenchmarkFolder_PrintsPagesAndSummary()
    {
        WriteBenchmark(("a", Body));
        var output = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["evaluate-extraction", folder], output, new StringWriter());

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(DigestCli.Success, exit);
        Assert.Equal("F1 1.000  precision 1.000  recall 1.000  a", lines[0]);
        Assert.Equal("pages 1  precision 1.000  recall 1.000  F1 1.000", lines[^1]);
    }

    [Fact]
    public async Task EvaluateExtraction_FolderWithoutFiles_ExitsWithBadArguments()
    {
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(["evaluate-extraction", folder], new StringWriter(), error);

        Assert.Equal(DigestCli.BadArguments, exit);
        Assert.Contains("ground-truth.json", error.ToString());
    }

    private void WriteBenchmark(params (string Id, string Body)[] pages)
    {
        Directory.CreateDirectory(Path.Combine(folder, "html"));
        var truth = pages.ToDictionary(p => p.Id, p => new { articleBody = p.Body });
        File.WriteAllText(Path.Combine(folder, "ground-truth.json"), System.Text.Json.JsonSerializer.Serialize(truth));
        foreach (var (id, body) in pages)
        {
            using var gzip = new GZipStream(File.Create(Path.Combine(folder, "html", id + ".html.gz")), CompressionLevel.Fastest);
            gzip.Write(Encoding.UTF8.GetBytes($"<html><body><nav><a href='/'>Home</a></nav><article><p>{body}</p></article></body></html>"));
        }
    }
}

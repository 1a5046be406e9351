using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Digest.Articles.Evaluation;

/// <summary>
/// Reads an extraction benchmark folder: <c>ground-truth.json</c> (<c>{ "id": { "articleBody": "..." } }</c>) and
/// the gzipped page of each id at <c>html/&lt;id&gt;.html.gz</c>.
/// </summary>
public static class BenchmarkFolder
{
    /// <summary>The pages in ordinal order of their ids.</summary>
    /// <exception cref="BenchmarkFolderException">The folder, the ground truth or a page is missing or unreadable.</exception>
    public static IReadOnlyList<BenchmarkPage> Load(string folder)
    {
        var truthPath = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(truthPath))
        {
            throw new BenchmarkFolderException($"{truthPath} not found: the folder must hold ground-truth.json and html/<id>.html.gz");
        }

        var pages = new List<BenchmarkPage>();
        foreach (var (id, expectedBody) in ReadTruth(truthPath).OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var pagePath = Path.Combine(folder, "html", id + ".html.gz");
            if (!File.Exists(pagePath))
            {
                throw new BenchmarkFolderException($"{pagePath} not found: every id in ground-truth.json needs html/<id>.html.gz");
            }

            pages.Add(new BenchmarkPage(id, ReadGzippedText(pagePath), expectedBody));
        }

        if (pages.Count == 0)
        {
            throw new BenchmarkFolderException($"{truthPath} lists no pages");
        }

        return pages;
    }

    private static Dictionary<string, string> ReadTruth(string path)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.EnumerateObject().ToDictionary(
                page => page.Name,
                page => page.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "",
                StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new BenchmarkFolderException($"{path} is not a ground-truth object of pages: {e.Message}");
        }
    }

    private static string ReadGzippedText(string path)
    {
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw new BenchmarkFolderException($"{path} is not gzip data: {e.Message}");
        }
    }
}

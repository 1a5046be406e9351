namespace Digest.Storage.AzureStorage;

/// <summary>The content type an article blob is stored with, from its extension (no charset: intake detects the encoding).</summary>
public static class ContentTypes
{
    public static string ForArticle(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".txt" => "text/plain",
        ".md" => "text/markdown",
        ".html" or ".htm" => "text/html",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}

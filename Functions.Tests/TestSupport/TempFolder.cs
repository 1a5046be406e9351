namespace Digest.Tests.TestSupport;

/// <summary>A fresh folder under the temp directory, deleted with everything in it (links are deleted, not followed).</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("digest-test-").FullName;

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns its full path.</summary>
    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

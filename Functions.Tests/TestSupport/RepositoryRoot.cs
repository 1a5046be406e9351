namespace Digest.Tests.TestSupport;

/// <summary>The repository's folders the tests read: found upwards from the test binaries by <c>Digest.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The <c>infra/</c> folder with the Bicep files.</summary>
    public static string Infra => System.IO.Path.Combine(Path, "infra");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Digest.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Digest.sln not found above {AppContext.BaseDirectory}.");
    }
}

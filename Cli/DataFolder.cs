namespace Digest.Cli;

/// <summary>
/// The <c>--out</c> data folder of <c>run</c>, <c>serve</c> and <c>upload</c>, checked before anything starts: a path
/// that is a file (or lies under one) cannot hold the data, and saying so at once beats a server that answers 500 to
/// every request or a run that fails after reading every article.
/// </summary>
internal static class DataFolder
{
    /// <summary>Why <paramref name="folder"/> cannot be the data folder; null when it can (it is created when first written).</summary>
    public static string? Problem(DirectoryInfo folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        for (var path = folder.FullName; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path == folder.FullName
                    ? $"--out '{TerminalText.Safe(folder.FullName)}' is a file, not a folder: give the data folder (it is created when missing)."
                    : $"--out '{TerminalText.Safe(folder.FullName)}' is not a folder: '{TerminalText.Safe(path)}' is a file.";
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }
}

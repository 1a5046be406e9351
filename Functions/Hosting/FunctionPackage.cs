using System.IO.Compression;

namespace Digest.Hosting;

/// <summary>
/// Builds the deployable zip: <c>host.json</c> at the root, one folder per function with its generated
/// <c>function.json</c>, and the published handler under <c>app/</c> (host.json starts <c>app/Digest serve</c>).
/// Unix permissions are kept, so the handler stays executable on Linux.
/// </summary>
public static class FunctionPackage
{
    public const string AppFolder = "app";
    public const string Executable = "Digest";

    private const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private const UnixFileMode ExecutableMode = DefaultFileMode |
        UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The host.json kept at the repository root, embedded in the app so the package always carries it.</summary>
    public static string HostJson()
    {
        using var stream = typeof(FunctionPackage).Assembly.GetManifestResourceStream("host.json")
            ?? throw new InvalidOperationException("host.json is not embedded in the Digest assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the zip from a folder holding <c>dotnet publish</c> output for linux-x64.</summary>
    public static void Create(string publishFolder, string zipPath)
    {
        if (!File.Exists(Path.Combine(publishFolder, Executable)))
        {
            throw new FileNotFoundException(
                $"'{publishFolder}' has no '{Executable}' executable: publish for linux-x64 (dotnet publish -r linux-x64 --self-contained) first.",
                Path.Combine(publishFolder, Executable));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var temporary = zipPath + ".tmp";
        try
        {
            Write(publishFolder, temporary);
            File.Move(temporary, zipPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Write(string publishFolder, string temporary)
    {
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            AddText(zip, "host.json", HostJson());
            foreach (var function in FunctionCatalog.All)
            {
                AddText(zip, $"{function.Name}/function.json", FunctionJson.Write(function));
            }

            foreach (var file in Directory.EnumerateFiles(publishFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(publishFolder, file).Replace('\\', '/');
                var entry = zip.CreateEntryFromFile(file, $"{AppFolder}/{relative}", CompressionLevel.Optimal);
                var mode = relative == Executable || IsExecutable(file) ? ExecutableMode : DefaultFileMode;
                entry.ExternalAttributes = (int)mode << 16;
            }
        }
    }

    private static bool IsExecutable(string file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0;

    private static void AddText(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.ExternalAttributes = (int)DefaultFileMode << 16;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text);
    }
}

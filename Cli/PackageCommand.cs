using System.CommandLine;
using System.Diagnostics;
using System.IO.Compression;

namespace Digest.Cli;

/// <summary>
/// <c>package [--out ZIP] [--publish-dir DIR]</c>: publishes the function app (<c>dotnet publish Functions -c Release</c>)
/// and zips the output for a zip deploy. The publish output holds the worker, <c>host.json</c>,
/// <c>functions.metadata</c>, <c>worker.config.json</c> and the extensions the host loads.
/// </summary>
public static class PackageCommand
{
    /// <summary>Files without which the Functions host cannot load the app.</summary>
    public static readonly string[] RequiredFiles = ["host.json", "functions.metadata", "worker.config.json", "extensions.json"];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var zip = new Option<FileInfo>("--out") { Description = "The zip to write", DefaultValueFactory = _ => new FileInfo("artifacts/digest-functions.zip") };
        var publishDir = new Option<DirectoryInfo?>("--publish-dir") { Description = "Zip this publish output instead of publishing" };
        var project = new Option<FileInfo>("--project") { Description = "The function app project", DefaultValueFactory = _ => new FileInfo("Functions/Functions.csproj") };
        var command = new Command("package", "Publish the function app and write the deployable zip.") { zip, publishDir, project };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(publishDir)?.FullName;
            var temporary = folder is null;
            var target = parse.GetValue(zip)!.FullName;
            try
            {
                if (folder is null)
                {
                    var projectFile = parse.GetValue(project)!;
                    if (!projectFile.Exists)
                    {
                        await error.WriteLineAsync($"Project '{projectFile.FullName}' not found; run from the repository root or pass --project or --publish-dir.");
                        return DigestCli.BadArguments;
                    }

                    folder = Path.Combine(Path.GetTempPath(), "digest-publish-" + Guid.NewGuid().ToString("N"));
                    await output.WriteLineAsync($"Publishing {projectFile.Name} (Release)...");
                    if (await PublishAsync(projectFile.FullName, folder, error, cancellationToken) != 0)
                    {
                        return DigestCli.Failure;
                    }
                }

                if (RequiredFiles.FirstOrDefault(f => !File.Exists(Path.Combine(folder, f))) is { } missing)
                {
                    await error.WriteLineAsync($"'{folder}' is not a function app's publish output: it has no {missing}.");
                    return DigestCli.BadArguments;
                }

                Zip(folder, target);
            }
            finally
            {
                if (temporary && folder is not null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            await output.WriteLineAsync($"Wrote {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:F1} MB).");
            return DigestCli.Success;
        });
        return command;
    }

    /// <summary>Zips <paramref name="folder"/>'s content (not the folder itself), replacing <paramref name="zipPath"/> only when complete.</summary>
    public static void Zip(string folder, string zipPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var partial = zipPath + ".partial";
        try
        {
            File.Delete(partial);
            ZipFile.CreateFromDirectory(folder, partial, CompressionLevel.Optimal, includeBaseDirectory: false);
            File.Move(partial, zipPath, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    internal static async Task<int> PublishAsync(string project, string folder, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-o", folder, "--nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var stop = cancellationToken.Register(() => process.Kill(entireProcessTree: true));
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            await error.WriteLineAsync($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return process.ExitCode;
    }
}

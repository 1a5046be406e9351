using System.CommandLine;
using System.Diagnostics;
using Digest.Hosting;

namespace Digest.Cli;

/// <summary>
/// <c>package [--out ZIP] [--publish-dir DIR]</c>: publishes the handler self-contained for linux-x64 with ReadyToRun
/// (unless a publish folder is given) and writes the deployable Functions zip.
/// </summary>
public static class PackageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var zip = new Option<FileInfo>("--out") { Description = "The zip to write", DefaultValueFactory = _ => new FileInfo("artifacts/digest-functions.zip") };
        var publishDir = new Option<DirectoryInfo?>("--publish-dir") { Description = "Use this linux-x64 publish output instead of publishing" };
        var project = new Option<FileInfo>("--project") { Description = "The Functions project", DefaultValueFactory = _ => new FileInfo("Functions/Functions.csproj") };
        var command = new Command("package", "Build the deployable Azure Functions zip (host.json, function.json files, handler).") { zip, publishDir, project };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = parse.GetValue(publishDir)?.FullName;
            var temporary = folder is null;
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
                    await output.WriteLineAsync($"Publishing {projectFile.Name} for linux-x64 (self-contained, ReadyToRun)...");
                    if (await PublishAsync(projectFile.FullName, folder, error, cancellationToken) != 0)
                    {
                        return DigestCli.Failure;
                    }
                }

                FunctionPackage.Create(folder, parse.GetValue(zip)!.FullName);
            }
            catch (FileNotFoundException missing)
            {
                await error.WriteLineAsync(missing.Message);
                return DigestCli.BadArguments;
            }
            finally
            {
                // The publish output is over 100 MB: never leave it behind.
                if (temporary && folder is not null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            await output.WriteLineAsync($"Wrote {parse.GetValue(zip)!.FullName} with {FunctionCatalog.All.Count} functions.");
            return DigestCli.Success;
        });
        return command;
    }

    internal static async Task<int> PublishAsync(string project, string folder, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "true",
            "-p:PublishReadyToRun=true", "-p:InvariantGlobalization=true", "-o", folder, "--nologo",
        })
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

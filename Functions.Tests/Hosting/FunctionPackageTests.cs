using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using System.Text.Json;
using Digest.Cli;
using Digest.Hosting;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Hosting;

/// <summary>The deployable zip; the handler runs on Linux, so these tests do too.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FunctionPackageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("digest-package-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);


    [Fact]
    public void Create_PublishFolder_HasHostJsonOneFolderPerFunctionAndAnExecutableHandler()
    {
        var publish = Directory.CreateDirectory(Path.Combine(folder, "publish")).FullName;
        File.WriteAllText(Path.Combine(publish, "Digest"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(publish, "Digest"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(publish, "wwwroot"));
        File.WriteAllText(Path.Combine(publish, "wwwroot", "a.txt"), "x");
        var zipPath = Path.Combine(folder, "digest.zip");

        FunctionPackage.Create(publish, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("host.json", names);
        Assert.Contains("app/Digest", names);
        Assert.Contains("app/wwwroot/a.txt", names);
        foreach (var function in FunctionCatalog.All)
        {
            Assert.Contains($"{function.Name}/function.json", names);
        }

        Assert.Equal(FunctionCatalog.All.Count + 3, names.Count);
        var mode = (UnixFileMode)(zip.GetEntry("app/Digest")!.ExternalAttributes >> 16);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), mode.ToString());
        Assert.False(((UnixFileMode)(zip.GetEntry("host.json")!.ExternalAttributes >> 16)).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public void HostJson_InThePackage_IsTheRepositoryFileAndStartsTheHandler()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")), FunctionPackage.HostJson());

        using var host = JsonDocument.Parse(FunctionPackage.HostJson());
        var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
        Assert.Equal($"{FunctionPackage.AppFolder}/{FunctionPackage.Executable}", description.GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(["serve"], description.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.True(host.RootElement.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("[4.*, 5.0.0)", host.RootElement.GetProperty("extensionBundle").GetProperty("version").GetString());
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.True(queues.GetProperty("maxDequeueCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Create_NoExecutableInPublishFolder_SaysToPublishForLinux()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => Task.Run(() => FunctionPackage.Create(folder, Path.Combine(folder, "x.zip"))));

        Assert.Contains("linux-x64", error.Message);
    }

    [Fact]
    public async Task PackageCommand_RealPublish_ProducesAZipWhoseHandlerStartsAndAnswers()
    {
        var zipPath = Path.Combine(folder, "digest.zip");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await DigestCli.InvokeAsync(
            ["package", "--out", zipPath, "--project", Path.Combine(RepositoryRoot.Path, "Functions", "Functions.csproj")], output, error);

        Assert.True(exit == 0, output.ToString() + error);
        var unpacked = Path.Combine(folder, "unpacked");
        ZipFile.ExtractToDirectory(zipPath, unpacked);
        Assert.True(File.GetUnixFileMode(Path.Combine(unpacked, "app", "Digest")).HasFlag(UnixFileMode.UserExecute));

        var port = FreePorts.Next();
        var start = new ProcessStartInfo(Path.Combine(unpacked, "app", "Digest"), "serve")
        {
            WorkingDirectory = Path.Combine(unpacked, "app"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment[CustomHandler.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Storage__LocalFolder"] = Path.Combine(folder, "data");
        using var handler = Process.Start(start)!;
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpResponseMessage? health = null;
            while (health is null && DateTime.UtcNow < deadline)
            {
                try
                {
                    health = await client.GetAsync("/api/health");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50);
                }
            }

            Assert.NotNull(health);
            Assert.True(health.IsSuccessStatusCode);
        }
        finally
        {
            handler.Kill(entireProcessTree: true);
        }
    }

}

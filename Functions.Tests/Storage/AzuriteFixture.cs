using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs.Models;
using Digest.Storage.AzureStorage;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Storage;

/// <summary>
/// Starts the real Azure Storage emulator (<c>node_modules/.bin/azurite</c>, pinned in the repo's package.json) on
/// 127.0.0.1 with three free ports and fresh in-memory state, waits until all three services answer, and stops it
/// (with its whole process tree) at the end. Fails loudly, with the reason, when Azurite is not installed.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development key (public: it is in the Azurite and Azure Storage documentation).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder log = new();
    private Process? process;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    /// <summary>An explicit-endpoint connection string for the running emulator.</summary>
    public string ConnectionString => ConnectionStringWithKey(AccountKey);

    public string ConnectionStringWithKey(string key) =>
        $"DefaultEndpointsProtocol=http;AccountName={StorageSettings.DevelopmentAccountName};AccountKey={key};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{StorageSettings.DevelopmentAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{StorageSettings.DevelopmentAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{StorageSettings.DevelopmentAccountName};";

    /// <summary>The Azure SDK clients for the emulator, configured as the apps configure them.</summary>
    public StorageClients CreateClients() => StorageClients.FromConnectionString(ConnectionString);

    /// <summary>Names of the blobs in <paramref name="container"/> under <paramref name="prefix"/>, in name order.</summary>
    public async Task<List<string>> BlobNamesAsync(string container, string? prefix = null) =>
        await CreateClients().Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }).Select(b => b.Name).ToListAsync();

    /// <summary>A blob's bytes and its metadata (decoded as Digest writes it), or null when it does not exist.</summary>
    public async Task<(byte[] Content, Dictionary<string, string> Metadata)?> DownloadAsync(string container, string name)
    {
        try
        {
            var blob = (await CreateClients().Blobs.GetBlobContainerClient(container).GetBlobClient(name).DownloadContentAsync()).Value;
            return (blob.Content.ToArray(), blob.Details.Metadata.ToDictionary(m => m.Key, m => Uri.UnescapeDataString(m.Value)));
        }
        catch (Azure.RequestFailedException missing) when (missing.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// An emulator that keeps its state in <paramref name="location"/> instead of memory, so it can be stopped and
    /// started again (<see cref="StopAsync"/>, <see cref="StartAsync"/>) on the same ports with its data.
    /// </summary>
    public static AzuriteFixture Persistent(string location) => new() { location = location };

    private string? location;

    public Task InitializeAsync() => StartAsync();

    /// <summary>Starts the emulator (again, on the same ports, after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        var root = RepositoryRoot.Path;
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed: {azurite} does not exist. Run 'npm ci' in {root} (it installs the version pinned in package.json).");
        }

        if (BlobPort == 0)
        {
            (BlobPort, QueuePort, TablePort) = (FreePorts.Next(), FreePorts.Next(), FreePorts.Next());
        }

        var start = new ProcessStartInfo(azurite)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
            "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        }.Concat(persistence))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!await AnswersAsync(BlobPort) || !await AnswersAsync(QueuePort) || !await AnswersAsync(TablePort))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before answering:\n{Log()}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Azurite did not answer on ports {BlobPort}/{QueuePort}/{TablePort} within 60 s:\n{Log()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the emulator; afterwards its ports refuse connections, as a stopped emulator's would.</summary>
    public Task DisposeAsync() => StopAsync();

    /// <summary>Stops the emulator; its ports refuse connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            if (location is not null)
            {
                // A persistent emulator is asked to stop (SIGTERM) so it writes its state to disk first.
                using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString()]);
                await terminate.WaitForExitAsync();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>A name no other test uses: lower-case letters and digits, safe for containers, queues and tables.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    private static async Task<bool> AnswersAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception notYet) when (notYet is SocketException or OperationCanceledException)
        {
            return false;
        }
    }



    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private string Log()
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}

/// <summary>Tests in this collection share one Azurite process (each uses its own containers, queues and tables).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Digest.Cli;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Digest.Storage;
using Digest.Storage.AzureStorage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Digest.Benchmarks;

/// <summary>
/// <c>bench-storage [--storage CONN] [--blobs N] [--parallel N]</c>: puts N small blobs (create-only, with metadata)
/// into a fresh container, lists them all (paging past 5,000), gets each one back, and deletes the container.
/// Prints throughput for each step. Meant for Azurite or a test account, never for the production container names.
/// </summary>
public static class StorageBenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var storage = new Option<string?>("--storage") { Description = "Storage connection string (default: the AzureWebJobsStorage setting)" };
        var blobs = new Option<int>("--blobs") { Description = "Blobs to put, list and get", DefaultValueFactory = _ => 10_000 };
        var parallel = new Option<int>("--parallel") { Description = "Requests in flight for put and get", DefaultValueFactory = _ => 16 };
        var command = new Command("bench-storage", "Measure put, list and get of many small blobs against a storage account (e.g. Azurite).") { storage, blobs, parallel };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var value = parse.GetValue(storage);
            StorageClients clients;
            try
            {
                var settings = value is null
                    ? StorageSettings.FromConfiguration(new ConfigurationBuilder().AddEnvironmentVariables().Build())
                    : new StorageSettings(value, null, null, null, null);
                if (settings is null)
                {
                    await error.WriteLineAsync("bench-storage needs --storage CONN or the AzureWebJobsStorage setting (e.g. --storage UseDevelopmentStorage=true with Azurite running).");
                    return DigestCli.BadArguments;
                }

                clients = settings.ConnectionString is { } connection
                    ? StorageClients.FromConnectionString(connection)
                    : new ServiceCollection().AddDigestStorage(new ConfigurationBuilder().AddEnvironmentVariables().Build(), ".")
                        .BuildServiceProvider().GetRequiredService<StorageClients>();
            }
            catch (FormatException invalid)
            {
                await error.WriteLineAsync($"Configuration error: {invalid.Message}");
                return DigestCli.BadArguments;
            }

            try
            {
                await RunAsync(clients.Blobs, parse.GetValue(blobs), parse.GetValue(parallel), output, cancellationToken);
                return DigestCli.Success;
            }
            catch (RequestFailedException failure)
            {
                await error.WriteLineAsync($"bench-storage failed: {failure.Status} {failure.ErrorCode}: {failure.Message}");
                return DigestCli.Failure;
            }
        });
        return command;
    }

    private static async Task RunAsync(BlobServiceClient service, int count, int parallel, TextWriter output, CancellationToken cancellationToken)
    {
        var container = service.GetBlobContainerClient("bench-" + Guid.NewGuid().ToString("N")[..16]);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        var metadata = new Dictionary<string, string> { ["outlet"] = Uri.EscapeDataString("Bench Times") };
        await output.WriteLineAsync($"bench-storage: {count:N0} blobs of ~200 bytes in container {container.Name} at {service.Uri}, {parallel} requests in flight");
        try
        {
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, count, options, async (i, token) =>
                await container.GetBlobClient(Name(i)).UploadAsync(BinaryData.FromBytes(Body(i)), new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
                    Metadata = metadata,
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, token));
            await Report(output, "put (create-only)", count, clock.Elapsed);

            clock.Restart();
            var listed = await container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken).CountAsync(cancellationToken);
            await Report(output, $"list ({listed:N0} names, {(listed + 4_999) / 5_000} pages)", listed, clock.Elapsed);
            if (listed != count)
            {
                throw new InvalidOperationException($"Listed {listed} blobs, expected {count}.");
            }

            clock.Restart();
            var bytes = 0L;
            await Parallel.ForAsync(0, count, options, async (i, token) =>
                Interlocked.Add(ref bytes, (await container.GetBlobClient(Name(i)).DownloadContentAsync(token)).Value.Content.ToMemory().Length));
            await Report(output, $"get ({bytes:N0} bytes)", count, clock.Elapsed);
        }
        finally
        {
            await container.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    private static string Name(int i) => $"day-{i % 7}/article {i:D6}.txt";

    private static byte[] Body(int i) => Encoding.UTF8.GetBytes($"Article {i}. " + new string('x', 180));

    private static Task Report(TextWriter output, string step, int items, TimeSpan elapsed) =>
        output.WriteLineAsync($"  {step,-36} {elapsed.TotalSeconds,6:F2} s  {items / elapsed.TotalSeconds,8:N0} /s");
}

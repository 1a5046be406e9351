using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// Pipeline options for the storage clients: exponential retries of transient failures (408, 429, 500, 502, 503, 504
/// and connection failures), a short connect timeout so a stopped emulator fails within seconds, and a bounded
/// per-attempt network timeout so nothing hangs.
/// </summary>
public sealed class StorageClientOptions : ClientOptions
{
    /// <summary>Storage service version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2023-11-03";

    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
        Retry.Delay = TimeSpan.FromMilliseconds(400);
        Retry.MaxDelay = TimeSpan.FromSeconds(8);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Transport = new HttpClientTransport(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(3),
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
        });
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "digest";
    }

    /// <summary>The clock that dates signed requests.</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;
}

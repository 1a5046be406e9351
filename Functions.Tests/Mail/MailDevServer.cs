using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Mail;

/// <summary>
/// A real SMTP server for tests: maildev 2.x from the repository's <c>node_modules</c> (<c>npm ci</c>), started on
/// 127.0.0.1 with free SMTP and web ports and its own mail folder. Its REST API shows what arrived. A missing
/// maildev fails the test: these tests never skip.
/// </summary>
internal sealed class MailDevServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _mailFolder;
    private readonly HttpClient _http;

    private MailDevServer(Process process, string mailFolder, int smtpPort, int webPort)
    {
        _process = process;
        _mailFolder = mailFolder;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    /// <summary>Starts maildev; with <paramref name="userName"/> and <paramref name="password"/> it requires AUTH.</summary>
    public static async Task<MailDevServer> StartAsync(string? userName = null, string? password = null)
    {
        var executable = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "maildev");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"maildev is not installed at {executable}: run 'npm ci' in the repository root.");
        }

        // A free port can be taken by someone else before maildev binds it: then start again on new ports.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(executable, userName, password);
            try
            {
                await server.WaitUntilReadyAsync();
                return server;
            }
            catch (Exception failure) when (failure is InvalidOperationException or TimeoutException)
            {
                // Never leave a half-started maildev behind, whether we try again or give up.
                await server.DisposeAsync();
                if (attempt >= 3)
                {
                    throw;
                }
            }
        }
    }

    private static MailDevServer Launch(string executable, string? userName, string? password)
    {
        var mailFolder = Directory.CreateTempSubdirectory("digest-maildev-").FullName;
        var smtpPort = FreePorts.Next();
        var webPort = FreePorts.Next();
        while (webPort == smtpPort)
        {
            webPort = FreePorts.Next();
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--smtp", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web", webPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mail-directory", mailFolder, "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (userName is not null && password is not null)
        {
            start.ArgumentList.Add("--incoming-user");
            start.ArgumentList.Add(userName);
            start.ArgumentList.Add("--incoming-pass");
            start.ArgumentList.Add(password);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new MailDevServer(process, mailFolder, smtpPort, webPort);
    }

    /// <summary>Every email that arrived, as maildev's <c>GET /email</c> returns them.</summary>
    public async Task<List<JsonElement>> EmailsAsync()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("email"));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>The exact bytes maildev received for email <paramref name="id"/> (<c>GET /email/:id/source</c>).</summary>
    /// <summary>
    /// The emails addressed to <paramref name="recipient"/>, waiting (up to 10 s) until at least one has arrived:
    /// maildev may still be storing a message when the SMTP session has already ended.
    /// </summary>
    public async Task<List<JsonElement>> EmailsToAsync(string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var emails = (await EmailsAsync())
                .Where(e => e.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == recipient))
                .ToList();
            if (emails.Count > 0 || DateTime.UtcNow > deadline)
            {
                return emails;
            }

            await Task.Delay(100);
        }
    }

    public Task<byte[]> SourceAsync(string id) => _http.GetByteArrayAsync($"email/{id}/source");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_mailFolder, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var smtp = new TcpClient();
                await smtp.ConnectAsync(IPAddress.Loopback, SmtpPort);
                if ((await _http.GetAsync("healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception failure) when (failure is HttpRequestException or SocketException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("maildev was not ready within 30 seconds.");
    }

}

using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Digest.Mail;
using Digest.Tests.Briefings.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Digest.Tests.TestSupport;

namespace Digest.Tests.Mail;

/// <summary>
/// STARTTLS and AUTH (MailKit's) against a real SMTP server (the <c>smtp-server</c> package maildev is built on, from the
/// repository's <c>node_modules</c>) that offers STARTTLS with a certificate made for the test and accepts AUTH only
/// over TLS. maildev itself never offers STARTTLS.
/// </summary>
[Trait("Category", "Smtp")]
public sealed class SmtpStartTlsTests : IAsyncLifetime
{
    private const string User = "digest";
    private const string Password = "tls-only-pass";

    private readonly string _folder = Directory.CreateTempSubdirectory("digest-starttls-").FullName;
    private X509Certificate2 _certificate = null!;
    private Process _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var keyFile = Path.Combine(_folder, "key.pem");
        var certFile = Path.Combine(_folder, "cert.pem");
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        await File.WriteAllTextAsync(certFile, _certificate.ExportCertificatePem());
        var mail = Directory.CreateDirectory(Path.Combine(_folder, "mail")).FullName;

        var script = Path.Combine(RepositoryRoot.Path, "Functions.Tests", "Mail", "starttls-server.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, RepositoryRoot.Path, keyFile, certFile, User, Password, mail })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        using var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await _server.StandardOutput.ReadLineAsync(ready.Token);
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The STARTTLS test server did not start: {line} {await _server.StandardError.ReadToEndAsync(ready.Token)}");
        }

        _port = int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server.Dispose();
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private SmtpEmailSender Sender(bool? useStartTls, bool trustTestCertificate = true, string password = Password) => new(
        Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = _port, UseStartTls = useStartTls, UserName = User, Password = password, TimeoutSeconds = 10, MaxAttempts = 1 }),
        TimeProvider.System,
        NullLogger<SmtpEmailSender>.Instance,
        trustTestCertificate ? (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString() : null);

    private string[] Received() => [.. Directory.GetFiles(Path.Combine(_folder, "mail")).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public async Task SendAsync_ServerOffersStartTls_UpgradesAuthenticatesAndSendsTheExactBytes(bool? useStartTls)
    {
        var message = MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt);

        await Sender(useStartTls).SendAsync(message);

        var file = Assert.Single(Received());
        Assert.EndsWith("-tls.eml", file);
        using var written = new MemoryStream();
        EmailMime.Write(message, written);
        Assert.Equal(written.ToArray(), await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task SendAsync_StartTlsTurnedOff_LoginWithoutTlsIsRefusedAndNothingIsSent()
    {
        // 127.0.0.1 is local, so the client tries a plain-text login; this server accepts logins over TLS only.
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(useStartTls: false).SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt)));

        Assert.True(failure.IsPermanent);
        Assert.Empty(Received());
    }

    [Fact]
    public async Task SendAsync_UntrustedCertificate_FailsPermanentlyAndSendsNothing()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(useStartTls: true, trustTestCertificate: false).SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt)));

        Assert.True(failure.IsPermanent);
        Assert.Empty(Received());
    }

    [Fact]
    public async Task SendAsync_WrongPasswordOverTls_FailsWithTheServersReplyAndWithoutThePassword()
    {
        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender(useStartTls: true, password: "guess").SendAsync(MailTestSupport.Builder().Build(SampleBriefings.Typical(), "ada@example.com", MailTestSupport.SentAt)));

        Assert.Equal(535, failure.StatusCode);
        Assert.DoesNotContain("guess", failure.Message);
        Assert.Empty(Received());
    }
}

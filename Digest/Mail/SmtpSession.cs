using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Digest.Mail;

/// <summary>
/// One SMTP conversation (RFC 5321): greeting, EHLO (HELO for old servers), STARTTLS, AUTH PLAIN or LOGIN, then
/// MAIL FROM, RCPT TO and DATA with dot-stuffing, and QUIT. Every wait is bounded by the timeout.
/// </summary>
internal sealed class SmtpSession : IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly RemoteCertificateValidationCallback? _certificateValidation;
    private readonly TcpClient _client = new();
    private Stream _stream = Stream.Null;
    private StreamReader _reader = StreamReader.Null;
    private HashSet<string> _extensions = new(StringComparer.OrdinalIgnoreCase);
    private string[] _authMechanisms = [];

    private SmtpSession(SmtpOptions options, RemoteCertificateValidationCallback? certificateValidation)
    {
        _options = options;
        _certificateValidation = certificateValidation;
    }

    /// <summary>True once the conversation runs over TLS.</summary>
    public bool IsEncrypted { get; private set; }

    /// <summary>Connects, says hello, upgrades to TLS and logs in as the options say.</summary>
    public static async Task<SmtpSession> OpenAsync(
        SmtpOptions options, RemoteCertificateValidationCallback? certificateValidation, CancellationToken cancellationToken)
    {
        var session = new SmtpSession(options, certificateValidation);
        try
        {
            await session.StartAsync(cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one message: <paramref name="message"/> holds its exact bytes (CRLF lines, 7-bit).</summary>
    public async Task SendAsync(string from, string to, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await ExpectAsync($"MAIL FROM:<{from}>", 250, cancellationToken);
        await ExpectAsync($"RCPT TO:<{to}>", 250, cancellationToken, alsoAccepted: 251);
        await ExpectAsync("DATA", 354, cancellationToken);
        using (var timeout = Timeout(cancellationToken))
        {
            await _stream.WriteAsync(DotStuff(message.Span), timeout.Token);
            await _stream.WriteAsync(".\r\n"u8.ToArray(), timeout.Token);
            await _stream.FlushAsync(timeout.Token);
        }

        Ensure(await ReadReplyAsync(cancellationToken), "end of DATA", 250);
    }

    /// <summary>Says goodbye; a server that already hung up is fine.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await WriteLineAsync("QUIT", cancellationToken);
            await ReadReplyAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is IOException or SmtpProtocolException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The message was accepted before; a lost goodbye changes nothing.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var timeout = Timeout(cancellationToken))
        {
            await _client.ConnectAsync(_options.Host, _options.Port, timeout.Token);
        }

        UseStream(_client.GetStream());
        Ensure(await ReadReplyAsync(cancellationToken), "greeting", 220);
        await HelloAsync(cancellationToken);

        var offered = _extensions.Contains("STARTTLS");
        if (_options.UseStartTls == true && !offered)
        {
            throw new SmtpProtocolException($"{_options.Host}:{_options.Port} does not offer STARTTLS, which Mail:Smtp:UseStartTls requires.", permanent: true);
        }

        if (offered && _options.UseStartTls != false)
        {
            await ExpectAsync("STARTTLS", 220, cancellationToken);
            var tls = new SslStream(_stream, leaveInnerStreamOpen: false, _certificateValidation);
            using (var timeout = Timeout(cancellationToken))
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _options.Host }, timeout.Token);
            }

            UseStream(tls);
            IsEncrypted = true;
            await HelloAsync(cancellationToken);
        }

        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
        }
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var client = _client.Client.LocalEndPoint is IPEndPoint local
            ? local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[IPv6:{local.Address}]" : $"[{local.Address}]"
            : "[127.0.0.1]";
        await WriteLineAsync($"EHLO {client}", cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        if (reply.Code != 250)
        {
            // A server without ESMTP: plain HELO, no extensions.
            await ExpectAsync($"HELO {client}", 250, cancellationToken);
            _extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            _authMechanisms = [];
            return;
        }

        var keywords = reply.Lines.Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(words => words.Length > 0).ToList();
        _extensions = new HashSet<string>(keywords.Select(words => words[0]), StringComparer.OrdinalIgnoreCase);
        _authMechanisms = keywords.Where(words => words[0].Equals("AUTH", StringComparison.OrdinalIgnoreCase)).SelectMany(words => words.Skip(1)).ToArray();
    }

    private async Task AuthenticateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        if (!IsEncrypted && !IsLoopback(_options.Host))
        {
            throw new SmtpProtocolException(
                $"Refusing to send the SMTP password to {_options.Host} without TLS; the server did not offer STARTTLS or Mail:Smtp:UseStartTls is false.",
                permanent: true);
        }

        if (_authMechanisms.Contains("PLAIN", StringComparer.OrdinalIgnoreCase))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{userName}\0{password}"));
            await ExpectAsync($"AUTH PLAIN {credentials}", 235, cancellationToken, hideCommand: true);
        }
        else if (_authMechanisms.Contains("LOGIN", StringComparer.OrdinalIgnoreCase))
        {
            await ExpectAsync("AUTH LOGIN", 334, cancellationToken);
            await ExpectAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(userName)), 334, cancellationToken, hideCommand: true);
            await ExpectAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(password)), 235, cancellationToken, hideCommand: true);
        }
        else
        {
            throw new SmtpProtocolException(
                $"{_options.Host} offers no AUTH PLAIN or LOGIN, but Mail:Smtp:UserName is set (offered: {string.Join(' ', _authMechanisms)}).",
                permanent: true);
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    private async Task ExpectAsync(string command, int code, CancellationToken cancellationToken, int alsoAccepted = 0, bool hideCommand = false)
    {
        await WriteLineAsync(command, cancellationToken);
        var what = hideCommand ? "AUTH" : command.Split(':')[0];
        Ensure(await ReadReplyAsync(cancellationToken), what, code, alsoAccepted);
    }

    private static void Ensure(SmtpReply reply, string what, int code, int alsoAccepted = 0)
    {
        if (reply.Code != code && reply.Code != alsoAccepted)
        {
            throw new SmtpProtocolException($"The SMTP server answered {what} with {reply}", permanent: !reply.IsTransient, reply.Code);
        }
    }

    private async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        HeaderFields.EnsureSingleLine(line, "SMTP command");
        using var timeout = Timeout(cancellationToken);
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), timeout.Token);
        await _stream.FlushAsync(timeout.Token);
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        using var timeout = Timeout(cancellationToken);
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token)
                ?? throw new SmtpProtocolException("The SMTP server closed the connection.", permanent: false);
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new SmtpProtocolException($"The SMTP server sent a malformed reply line: {AddressRedaction.Redact(line)}", permanent: false);
            }

            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReply(code, lines);
            }
        }
    }

    private void UseStream(Stream stream)
    {
        _reader.Dispose();
        _stream = stream;
        _reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
    }

    private CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        return timeout;
    }

    /// <summary>Doubles every '.' that starts a line, so no line of the message can end DATA early.</summary>
    internal static byte[] DotStuff(ReadOnlySpan<byte> message)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + 256);
        var lineStart = true;
        foreach (var b in message)
        {
            if (lineStart && b == (byte)'.')
            {
                output.Write("."u8);
            }

            output.Write([b]);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            output.Write("\r\n"u8);
        }

        return output.WrittenSpan.ToArray();
    }
}

/// <summary>The SMTP server refused a command or broke the protocol.</summary>
internal sealed class SmtpProtocolException(string message, bool permanent, int? code = null) : Exception(message)
{
    public bool IsPermanent { get; } = permanent;

    public int? Code { get; } = code;
}

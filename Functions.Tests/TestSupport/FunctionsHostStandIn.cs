using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.TestSupport;

/// <summary>
/// Plays the Functions host's side of the worker protocol (the <c>FunctionRpc.EventStream</c> gRPC stream of
/// azure-functions-language-worker-protobuf, over HTTP/2 without TLS on 127.0.0.1), as far as a host goes before it
/// sends work: the worker opens the stream with <c>StartStream</c> naming its worker id; the host sends
/// <c>WorkerInitRequest</c> (host version, worker and app directories) and reads <c>WorkerInitResponse</c>; then it
/// asks for the app's functions (<c>FunctionsMetadataRequest</c>) and reads <c>FunctionMetadataResponse</c>. Every
/// <c>RpcLog</c> the worker sends on the way is kept. It also answers the App Service managed identity endpoint
/// (<c>IDENTITY_ENDPOINT</c>) and the Application Insights endpoints, so nothing the worker does leaves the machine.
/// </summary>
internal sealed class FunctionsHostStandIn : IAsyncDisposable
{
    public const string IdentityPath = "/msi/token";
    public const string IdentityHeader = "stand-in-identity-header";

    private readonly WebApplication app;
    private readonly string appDirectory;
    private readonly TaskCompletionSource<WorkerHandshake> handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FunctionsHostStandIn(WebApplication app, string appDirectory)
    {
        this.app = app;
        this.appDirectory = appDirectory;
    }

    /// <summary>The host's address: <c>--host</c>/<c>--port</c> and <c>--functions-uri</c> for the worker.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The HTTP/1.1 address of the identity endpoint and the telemetry endpoints.</summary>
    public Uri SideAddress { get; private set; } = null!;

    /// <summary>What the worker logged to the host (its <c>RpcLog</c> messages), in order.</summary>
    public ConcurrentQueue<WorkerLog> Logs { get; } = new();

    /// <summary>Requests that reached the identity and telemetry endpoints (method and path).</summary>
    public ConcurrentQueue<string> SideRequests { get; } = new();

    /// <summary>Completes when the worker has answered init and the metadata request; faults if the stream breaks first.</summary>
    public Task<WorkerHandshake> Handshake => handshake.Task;

    public static async Task<FunctionsHostStandIn> StartAsync(string appDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // gRPC without TLS needs a listener that speaks HTTP/2 only; the identity and telemetry clients use HTTP/1.1.
        var grpcPort = FreePorts.Next();
        var httpPort = FreePorts.Next();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var app = builder.Build();
        var host = new FunctionsHostStandIn(app, appDirectory);
        app.MapPost("/AzureFunctionsRpcMessages.FunctionRpc/EventStream", host.EventStreamAsync);
        app.MapGet(IdentityPath, host.IdentityToken);
        app.Map("/{**path}", (HttpContext context) =>
        {
            host.SideRequests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            return Results.Ok();
        });
        await app.StartAsync();
        host.Address = new Uri($"http://127.0.0.1:{grpcPort}/");
        host.SideAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        return host;
    }

    /// <summary>The access token shape of the App Service managed identity protocol (api-version 2019-08-01).</summary>
    private IResult IdentityToken(HttpContext context)
    {
        SideRequests.Enqueue($"GET {IdentityPath}?resource={context.Request.Query["resource"]}");
        if (context.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = "stand-in-token",
            ["expires_on"] = expires.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = context.Request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = context.Request.Query["client_id"].ToString(),
        });
    }

    private async Task EventStreamAsync(HttpContext context)
    {
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-encoding"] = "identity";
        await context.Response.StartAsync(context.RequestAborted);
        var input = context.Request.Body;
        var output = context.Response.Body;
        try
        {
            var start = await ReadUntilAsync(input, RpcMessages.StartStream, context.RequestAborted);
            var workerId = RpcMessages.StringField(start.Content, 2);

            await WriteAsync(output, RpcMessages.WorkerInitRequest("init-1", "4.1040.0", appDirectory), context.RequestAborted);
            var init = await ReadUntilAsync(input, RpcMessages.WorkerInitResponse, context.RequestAborted);
            var initStatus = RpcMessages.Status(init.Content, statusField: 3);

            await WriteAsync(output, RpcMessages.FunctionsMetadataRequest("metadata-1", appDirectory), context.RequestAborted);
            var metadata = await ReadUntilAsync(input, RpcMessages.FunctionMetadataResponse, context.RequestAborted);
            var functions = RpcMessages.FunctionNames(metadata.Content);
            var metadataStatus = RpcMessages.Status(metadata.Content, statusField: 2);

            handshake.TrySetResult(new WorkerHandshake(workerId, start.RequestId, initStatus, metadataStatus, functions,
                RpcMessages.BoolField(metadata.Content, 3)));
            await release.Task.WaitAsync(context.RequestAborted);
        }
        catch (Exception failure)
        {
            handshake.TrySetException(new InvalidOperationException("The worker's stream ended before the handshake finished.", failure));
        }

        context.Response.AppendTrailer("grpc-status", "0");
    }

    private async Task<StreamingMessage> ReadUntilAsync(Stream input, int content, CancellationToken cancellationToken)
    {
        while (true)
        {
            var header = new byte[5];
            await input.ReadExactlyAsync(header, cancellationToken);
            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
            var body = new byte[length];
            await input.ReadExactlyAsync(body, cancellationToken);
            var message = RpcMessages.ParseStreamingMessage(body);
            if (message.ContentField == RpcMessages.RpcLog)
            {
                Logs.Enqueue(RpcMessages.Log(message.Content));
            }
            else if (message.ContentField == content)
            {
                return message;
            }
        }
    }

    private static async Task WriteAsync(Stream output, byte[] message, CancellationToken cancellationToken)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), message.Length);
        message.CopyTo(frame, 5);
        await output.WriteAsync(frame, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>What the worker answered: the ids it connected with, the init and metadata results, its functions.</summary>
internal sealed record WorkerHandshake(
    string WorkerId, string RequestId, RpcStatus Init, RpcStatus Metadata, IReadOnlyList<string> Functions, bool UseDefaultMetadataIndexing);

/// <summary>A <c>StatusResult</c>: 0 Failure, 1 Success, 2 Cancelled, with its exception message if any.</summary>
internal sealed record RpcStatus(int Status, string? Exception)
{
    public bool Succeeded => Status == 1;
}

/// <summary>An <c>RpcLog</c>: level 0 Trace … 4 Error, 5 Critical; category, message and exception message.</summary>
internal sealed record WorkerLog(int Level, string Category, string Message, string? Exception)
{
    public override string ToString() => $"[{Level}] {Category}: {Message}{(Exception is null ? "" : " — " + Exception)}";
}

internal sealed record StreamingMessage(string RequestId, int ContentField, byte[] Content);

/// <summary>
/// The few messages of FunctionRpc.proto the stand-in speaks, by field number, encoded with Google.Protobuf's wire
/// format readers and writers (no generated classes).
/// </summary>
internal static class RpcMessages
{
    // StreamingMessage.content field numbers.
    public const int RpcLog = 2;
    public const int WorkerInitResponse = 16;
    public const int WorkerInitRequestField = 17;
    public const int StartStream = 20;
    public const int FunctionsMetadataRequestField = 29;
    public const int FunctionMetadataResponse = 30;

    public static StreamingMessage ParseStreamingMessage(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        string requestId = "";
        var field = 0;
        byte[] content = [];
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            if (number == 1)
            {
                requestId = input.ReadString();
            }
            else if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                field = number;
                content = input.ReadBytes().ToByteArray();
            }
            else
            {
                input.SkipLastField();
            }
        }

        return new StreamingMessage(requestId, field, content);
    }

    public static byte[] WorkerInitRequest(string requestId, string hostVersion, string appDirectory) =>
        Message(requestId, WorkerInitRequestField, Encode(output =>
        {
            WriteString(output, 1, hostVersion);
            WriteString(output, 4, appDirectory);
            WriteString(output, 5, appDirectory);
        }));

    public static byte[] FunctionsMetadataRequest(string requestId, string appDirectory) =>
        Message(requestId, FunctionsMetadataRequestField, Encode(output => WriteString(output, 1, appDirectory)));

    /// <summary>The string of a field of a message (the last occurrence), or empty.</summary>
    public static string StringField(byte[] message, int field) =>
        Fields(message).LastOrDefault(f => f.Number == field).Bytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : "";

    public static bool BoolField(byte[] message, int field) =>
        Fields(message).LastOrDefault(f => f.Number == field) is { Bytes: null, Varint: var value, Number: > 0 } && value != 0;

    /// <summary>The <c>StatusResult</c> held in a field of a message.</summary>
    public static RpcStatus Status(byte[] message, int statusField)
    {
        var status = Fields(message).LastOrDefault(f => f.Number == statusField).Bytes ?? [];
        var code = (int)(Fields(status).LastOrDefault(f => f.Number == 4).Varint);
        var exception = Fields(status).LastOrDefault(f => f.Number == 2).Bytes;
        return new RpcStatus(code, exception is null ? null : StringField(exception, 2));
    }

    /// <summary>The names of the functions in a <c>FunctionMetadataResponse</c> (repeated RpcFunctionMetadata, name = 4).</summary>
    public static IReadOnlyList<string> FunctionNames(byte[] response) =>
        Fields(response).Where(f => f.Number == 1 && f.Bytes is not null).Select(f => StringField(f.Bytes!, 4)).ToList();

    public static WorkerLog Log(byte[] log)
    {
        var fields = Fields(log);
        var exception = fields.LastOrDefault(f => f.Number == 6).Bytes;
        return new WorkerLog(
            (int)fields.LastOrDefault(f => f.Number == 3).Varint,
            StringField(log, 2),
            StringField(log, 4),
            exception is null ? null : StringField(exception, 2));
    }

    private static List<(int Number, byte[]? Bytes, ulong Varint)> Fields(byte[] message)
    {
        var fields = new List<(int, byte[]?, ulong)>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields.Add((number, input.ReadBytes().ToByteArray(), 0));
                    break;
                case WireFormat.WireType.Varint:
                    fields.Add((number, null, input.ReadUInt64()));
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        return fields;
    }

    private static byte[] Message(string requestId, int contentField, byte[] content) =>
        Encode(output =>
        {
            WriteString(output, 1, requestId);
            output.WriteTag(contentField, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(content));
        });

    private static void WriteString(CodedOutputStream output, int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    private static byte[] Encode(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        var output = new CodedOutputStream(buffer);
        write(output);
        output.Flush();
        return buffer.ToArray();
    }
}

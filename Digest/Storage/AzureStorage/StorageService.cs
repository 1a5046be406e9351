using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Storage.AzureStorage;

/// <summary>
/// One storage service endpoint (Blob, Queue or Table) behind an Azure.Core pipeline: retries, logging and the
/// connection's authentication. Sends requests and turns error answers and unreachable endpoints into
/// <see cref="StorageException"/>.
/// </summary>
internal sealed class StorageService
{
    private readonly HttpPipeline pipeline;
    private readonly string baseAddress;

    public StorageService(Uri endpoint, StorageConnection connection, SharedKeyFlavor flavor, StorageClientOptions options)
    {
        Endpoint = endpoint;
        baseAddress = endpoint.AbsoluteUri.TrimEnd('/');
        HttpPipelinePolicy authentication = connection switch
        {
            { SharedKey: { } key } => new SharedKeyPolicy(key, flavor, options.Time),
            { Token: { } token } => new BearerTokenAuthenticationPolicy(token, StorageConnection.TokenScope),
            _ => throw new ArgumentException("The storage connection has neither an account key nor a credential.", nameof(connection)),
        };
        pipeline = HttpPipelineBuilder.Build(options, [], [authentication], new ResponseClassifier());
    }

    /// <summary>The service's base URI.</summary>
    public Uri Endpoint { get; }

    public HttpMessage CreateMessage(RequestMethod method, string relativeUri)
    {
        var message = pipeline.CreateMessage();
        message.BufferResponse = true;
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(baseAddress + "/" + relativeUri));
        request.Headers.SetValue("x-ms-version", StorageClientOptions.ServiceVersion);
        return message;
    }

    /// <summary>
    /// Sends the message. Returns the response when its status is one of <paramref name="accepted"/> (the normal
    /// success statuses always are); throws <see cref="StorageException"/> otherwise.
    /// </summary>
    public async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken, params int[] accepted)
    {
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsNoAnswer(failure))
        {
            throw new StorageException(StorageFailure.Unreachable, 0, null,
                $"{operation}: storage at {Endpoint.GetLeftPart(UriPartial.Authority)} did not answer ({Innermost(failure).Message}). " +
                "Is the storage account reachable (or Azurite running)?", failure);
        }

        var response = message.Response;
        if (response.Status is >= 200 and < 300 || accepted.Contains(response.Status))
        {
            return response;
        }

        var (code, detail) = ReadError(response);
        var failureKind = StorageException.Classify(response.Status, code);
        throw new StorageException(failureKind, response.Status, code,
            $"{operation} failed: {response.Status} {code ?? response.ReasonPhrase}{(detail is null ? string.Empty : " - " + detail)}");
    }

    /// <summary>The service error code of an error response (header, XML or JSON body), or null.</summary>
    public static string? ErrorCodeOf(Response response) => ReadError(response).Code;

    /// <summary>True for transport failures (refused, reset, timed out), also when the retry policy gathered several.</summary>
    private static bool IsNoAnswer(Exception failure) => failure switch
    {
        RequestFailedException { Status: 0 } => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsNoAnswer),
        _ => false,
    };

    private static Exception Innermost(Exception exception)
    {
        while (true)
        {
            var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions[^1] : exception.InnerException;
            if (inner is null)
            {
                return exception;
            }

            exception = inner;
        }
    }

    /// <summary>The service error code (header, XML or JSON body) and the first line of its message.</summary>
    private static (string? Code, string? Message) ReadError(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? text = null;
        var body = response.Content?.ToString();
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                if (body.TrimStart().StartsWith('<'))
                {
                    var error = XElement.Parse(body);
                    code ??= error.Element("Code")?.Value;
                    text = error.Element("Message")?.Value;
                }
                else
                {
                    using var json = JsonDocument.Parse(body);
                    var error = json.RootElement.TryGetProperty("odata.error", out var odata) ? odata : json.RootElement.GetProperty("error");
                    code ??= error.GetProperty("code").GetString();
                    var message = error.GetProperty("message");
                    text = message.ValueKind == JsonValueKind.Object ? message.GetProperty("value").GetString() : message.GetString();
                }
            }
            catch (Exception unreadable) when (unreadable is System.Xml.XmlException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                text = null;
            }
        }

        return (code, text?.Split('\n')[0].Trim());
    }
}

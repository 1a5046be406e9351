using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Polly;
using Polly.Retry;

namespace Digest.Summaries.Cloud;

/// <summary>
/// Runs one analyze-text job: submits it, then polls its status with backoff until it ends, all within
/// <see cref="LanguageServiceOptions.TimeoutSeconds"/>, and reads every page of its results. Throttled (429) and
/// unavailable (5xx, unreachable) requests are retried a few times, waiting as long as <c>Retry-After</c> asks if that
/// fits in the time left. Every way this can fail is a <see cref="LanguageServiceException"/>.
/// </summary>
/// <remarks>
/// As the Azure SDK does, the status URL is built from the job id (the last segment of <c>Operation-Location</c>),
/// the configured endpoint and the configured api-version, so an <c>Operation-Location</c> without
/// <c>api-version</c> still works. The job id and every <c>nextLink</c> are followed only on the endpoint's own host,
/// so credentials go nowhere else.
/// </remarks>
internal sealed class AnalyzeTextClient(HttpPipeline pipeline, LanguageServiceOptions options, TimeProvider time)
{
    private const string JobsPath = "language/analyze-text/jobs";

    /// <summary>Attempts per request, the first included, when the service throttles or is unavailable.</summary>
    private const int MaxAttempts = 4;

    /// <summary>Polls are at least this far apart, whatever <c>Retry-After</c> says, and back off up to the maximum.</summary>
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);

    private readonly Uri _endpoint = options.EndpointUri;

    /// <summary>Submits <paramref name="request"/> and returns the job's final state once it has succeeded.</summary>
    /// <exception cref="LanguageServiceException">The job did not succeed in time, or an answer was not usable.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<JobState> RunAsync(AnalyzeTextJobRequest request, CancellationToken cancellationToken)
    {
        var deadline = new JobDeadline(time, TimeSpan.FromSeconds(options.TimeoutSeconds));
        var body = JsonSerializer.SerializeToUtf8Bytes(request, AnalyzeTextJson.Options);
        var submitUri = new Uri(_endpoint, $"{JobsPath}?{ApiVersionQuery}");

        var submitted = await SendAsync(RequestMethod.Post, submitUri, body, deadline, cancellationToken);
        if (submitted.Status != 202)
        {
            throw Refused(submitted, "submitting the job");
        }

        var jobUri = JobUri(submitted.OperationLocation);
        var askedWait = submitted.RetryAfter;
        for (var poll = 0; ; poll++)
        {
            var wait = askedWait is { } asked
                ? (asked > MinPollInterval ? asked : MinPollInterval)
                : Backoff(poll, MaxPollInterval);
            await deadline.WaitAsync(wait, LanguageServiceFault.Timeout, "the job had not finished", cancellationToken);
            var answer = await SendAsync(RequestMethod.Get, jobUri, null, deadline, cancellationToken);
            if (answer.Status != 200)
            {
                throw Refused(answer, "reading the job");
            }

            var state = Read<JobState>(answer.Content, "job state");
            switch (state.Status)
            {
                case "notStarted" or "running" or "cancelling":
                    askedWait = answer.RetryAfter;
                    continue;
                case "succeeded":
                    return await WithAllPagesAsync(state, deadline, cancellationToken);
                case "failed" or "partiallyCompleted" or "cancelled":
                    throw new LanguageServiceException(
                        LanguageServiceFault.JobFailed, $"the job ended '{state.Status}'{JobErrors.Describe(state)}");
                default:
                    throw new LanguageServiceException(
                        LanguageServiceFault.MalformedResponse, $"the job state has an unknown status '{Shorten(state.Status ?? "(none)")}'");
            }
        }
    }

    /// <summary>The pipeline for <paramref name="options"/>: the key header, or an Entra ID token for Cognitive Services.</summary>
    public static HttpPipeline CreatePipeline(LanguageServiceOptions options) =>
        CreatePipeline(
            options,
            options.UsesApiKey
                ? null
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId }),
            transport: null);

    /// <summary>
    /// The pipeline signing in with <paramref name="credential"/> (Entra ID) or, when it is null, with the key; over
    /// <paramref name="transport"/>, or Azure.Core's shared HTTP client when it is null.
    /// </summary>
    internal static HttpPipeline CreatePipeline(LanguageServiceOptions options, TokenCredential? credential, HttpPipelineTransport? transport)
    {
        var clientOptions = new LanguageClientOptions();
        // Retries are ours: bounded by the article's time limit and waiting through the TimeProvider.
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Diagnostics.ApplicationId = "digest";
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy signIn = credential is null
            ? new ApiKeyPolicy(options.ApiKey!)
            : new BearerTokenAuthenticationPolicy(credential, options.Cloud.Scope);
        return HttpPipelineBuilder.Build(clientOptions, signIn);
    }

    /// <summary>
    /// Sends a request, retrying throttling (429) and unavailability (408, 5xx, unreachable) with Polly's retry strategy,
    /// the one retry mechanism of Digest's HTTP services: it waits as long as <c>Retry-After</c> asks, else backs off,
    /// through the <see cref="TimeProvider"/>, and never starts a wait that would end past the article's deadline.
    /// </summary>
    private async Task<ServiceAnswer> SendAsync(RequestMethod method, Uri uri, byte[]? body, JobDeadline deadline, CancellationToken cancellationToken)
    {
        var retry = new ResiliencePipelineBuilder<ServiceAnswer> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<ServiceAnswer>
            {
                MaxRetryAttempts = MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { } answer && IsRetryable(answer)),
                DelayGenerator = args =>
                {
                    var answer = args.Outcome.Result!;
                    var wait = answer.RetryAfter ?? Backoff(args.AttemptNumber, TimeSpan.FromSeconds(8));
                    deadline.EnsureFits(wait, FaultOf(answer), Describe(answer));
                    return ValueTask.FromResult<TimeSpan?>(wait);
                },
            })
            .Build();

        var last = await retry.ExecuteAsync(async token => await SendOnceAsync(method, uri, body, deadline, token), cancellationToken);
        return IsRetryable(last)
            ? throw new LanguageServiceException(FaultOf(last), $"{Describe(last)} {MaxAttempts} times")
            : last;
    }

    private static bool IsRetryable(ServiceAnswer answer) => answer.Status is 408 or 429 or 500 or 502 or 503 or 504 or 0;

    private static LanguageServiceFault FaultOf(ServiceAnswer answer) =>
        answer.Status == 429 ? LanguageServiceFault.Throttled : LanguageServiceFault.Unavailable;

    private static string Describe(ServiceAnswer answer) =>
        answer.Status == 0 ? $"the service could not be reached ({answer.Failure})" : $"the service answered HTTP {answer.Status}{ErrorOf(answer)}";

    private async Task<ServiceAnswer> SendOnceAsync(RequestMethod method, Uri uri, byte[]? body, JobDeadline deadline, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        if (body is not null)
        {
            message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            message.Request.Content = RequestContent.Create(body);
        }

        // A request that hangs may take at most what is left of the article's time.
        message.NetworkTimeout = deadline.Remaining;
        try
        {
            await pipeline.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LanguageServiceException(
                LanguageServiceFault.Timeout, $"no answer within the {JobDeadline.Seconds(deadline.Budget)} limit");
        }
        catch (AuthenticationFailedException failure)
        {
            throw new LanguageServiceException(
                LanguageServiceFault.Unauthorized,
                $"no Entra ID token for Cognitive Services ({Shorten(failure.Message)}); check that the app has a managed identity, or set Summarizer:Language:ManagedIdentityClientId or Summarizer:Language:ApiKey",
                failure);
        }
        catch (RequestFailedException failure) when (failure.Status == 0)
        {
            return new ServiceAnswer(0, BinaryData.Empty, null, null, Shorten(failure.Message));
        }

        var response = message.Response;
        response.Headers.TryGetValue("Operation-Location", out var location);
        return new ServiceAnswer(
            response.Status, BinaryData.FromBytes(response.Content.ToArray()), location, RetryAfter.Read(response.Headers, time.GetUtcNow()), null);
    }

    private string ApiVersionQuery => $"api-version={Uri.EscapeDataString(options.ApiVersion)}";

    /// <summary>
    /// The job's status URL: the job id from <c>Operation-Location</c> (on the endpoint's own host) under the
    /// configured endpoint, with the configured api-version.
    /// </summary>
    private Uri JobUri(string? operationLocation)
    {
        if (!Uri.TryCreate(operationLocation, UriKind.Absolute, out var location))
        {
            throw new LanguageServiceException(
                LanguageServiceFault.MalformedResponse, "the job was accepted without a usable Operation-Location header");
        }

        RequireOwnHost(location, "Operation-Location");
        var jobId = Uri.UnescapeDataString(location.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        if (jobId.Length == 0 || !location.AbsolutePath.Contains("/analyze-text/jobs/", StringComparison.Ordinal))
        {
            throw new LanguageServiceException(
                LanguageServiceFault.MalformedResponse, $"the Operation-Location '{Shorten(location.AbsolutePath)}' names no analyze-text job");
        }

        return new Uri(_endpoint, $"{JobsPath}/{Uri.EscapeDataString(jobId)}?{ApiVersionQuery}");
    }

    /// <summary>
    /// <paramref name="first"/> with the documents and errors of the pages its <c>nextLink</c>s lead to, so a job of
    /// more documents than one page holds is read whole.
    /// </summary>
    private async Task<JobState> WithAllPagesAsync(JobState first, JobDeadline deadline, CancellationToken cancellationToken)
    {
        var state = first;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var link = first.NextLink; !string.IsNullOrEmpty(link); )
        {
            if (!seen.Add(link) || seen.Count > AnalyzeTextLimits.Documents)
            {
                throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, "the job's results pages do not end");
            }

            var answer = await SendAsync(RequestMethod.Get, PageUri(link), null, deadline, cancellationToken);
            if (answer.Status != 200)
            {
                throw Refused(answer, "reading a page of the job's results");
            }

            var page = Read<JobState>(answer.Content, "results page");
            state = Merge(state, page);
            link = page.NextLink;
        }

        return state;
    }

    /// <summary>A <c>nextLink</c>, relative or absolute, on the endpoint's own host and with an api-version.</summary>
    private Uri PageUri(string nextLink)
    {
        if (!Uri.TryCreate(_endpoint, nextLink, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, "the job's nextLink is not a URL");
        }

        RequireOwnHost(uri, "nextLink");
        var query = uri.Query.TrimStart('?');
        if (!query.Split('&').Any(p => p.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase)))
        {
            uri = new UriBuilder(uri) { Query = query.Length == 0 ? ApiVersionQuery : $"{query}&{ApiVersionQuery}" }.Uri;
        }

        return uri;
    }

    private void RequireOwnHost(Uri uri, string what)
    {
        if (Uri.Compare(uri, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new LanguageServiceException(
                LanguageServiceFault.MalformedResponse, $"the {what} is on another host ({uri.Authority}), which is not followed");
        }
    }

    /// <summary>The task results of <paramref name="page"/> appended to those of the same task in <paramref name="state"/>.</summary>
    private static JobState Merge(JobState state, JobState page)
    {
        var items = (state.Tasks?.Items ?? []).ToList();
        foreach (var more in page.Tasks?.Items ?? [])
        {
            var i = items.FindIndex(t => t.Kind == more.Kind && t.TaskName == more.TaskName);
            if (i < 0)
            {
                items.Add(more);
                continue;
            }

            var results = items[i].Results;
            items[i] = items[i] with
            {
                Results = new TaskResults(
                    [.. results?.Documents ?? [], .. more.Results?.Documents ?? []],
                    [.. results?.Errors ?? [], .. more.Results?.Errors ?? []]),
            };
        }

        return state with { Tasks = new JobTasks(items), NextLink = page.NextLink };
    }

    private LanguageServiceException Refused(ServiceAnswer answer, string doing)
    {
        var error = ErrorOf(answer);
        return answer.Status switch
        {
            401 or 403 => new LanguageServiceException(
                LanguageServiceFault.Unauthorized,
                $"the service refused the credentials (HTTP {answer.Status}{error}); check "
                + (options.UsesApiKey
                    ? "Summarizer:Language:ApiKey and Summarizer:Language:Endpoint"
                    : "that the app's identity has the Cognitive Services User role on the resource in Summarizer:Language:Endpoint")),
            >= 400 and < 500 => new LanguageServiceException(
                LanguageServiceFault.Rejected, $"the service refused {doing} (HTTP {answer.Status}{error})"),
            >= 500 => new LanguageServiceException(
                LanguageServiceFault.Unavailable, $"the service failed {doing} (HTTP {answer.Status}{error})"),
            _ => new LanguageServiceException(
                LanguageServiceFault.MalformedResponse, $"unexpected HTTP {answer.Status} when {doing}"),
        };
    }

    /// <summary>" code: message" from an error body (its innermost error, the most precise), or nothing when the body is not one.</summary>
    private static string ErrorOf(ServiceAnswer answer)
    {
        try
        {
            var error = answer.Content.ToObjectFromJson<ErrorResponse>(AnalyzeTextJson.Options)?.Error?.Innermost();
            return error is null ? "" : $" {Shorten(error.Code ?? "")}: {Shorten(error.Message ?? "")}";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static T Read<T>(BinaryData content, string what)
        where T : class
    {
        try
        {
            return content.ToObjectFromJson<T>(AnalyzeTextJson.Options)
                ?? throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, $"the {what} was empty");
        }
        catch (JsonException failure)
        {
            throw new LanguageServiceException(LanguageServiceFault.MalformedResponse, $"the {what} is not valid JSON ({Shorten(failure.Message)})", failure);
        }
    }

    /// <summary>1, 2, 4, ... seconds, at most <paramref name="max"/>.</summary>
    private static TimeSpan Backoff(int step, TimeSpan max) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(step, 10)), max.TotalSeconds));

    /// <summary>Service text in a log line: one line, at most 200 characters.</summary>
    internal static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    /// <summary>What the service answered to one request.</summary>
    private sealed record ServiceAnswer(int Status, BinaryData Content, string? OperationLocation, TimeSpan? RetryAfter, string? Failure);

    private sealed class LanguageClientOptions : ClientOptions;
}

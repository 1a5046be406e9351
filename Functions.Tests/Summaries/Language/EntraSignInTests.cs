using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Digest.Summaries;
using Digest.Summaries.Cloud;
using Digest.Tests.Summaries;

namespace Digest.Tests.Summaries.Language;

/// <summary>
/// Signing in with Entra ID: the pipeline's bearer-token policy only sends tokens over https, so the double runs with
/// a self-signed certificate for 127.0.0.1 that only these tests trust.
/// </summary>
public sealed class EntraSignInTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 6, 0, 0, TimeSpan.Zero);

    private readonly X509Certificate2 _certificate = LoopbackCertificate();
    private readonly SteppingTime _time = new(Now);
    private readonly LogSink<LanguageSummarizer> _log = new();
    private LanguageServiceDouble _service = null!;

    public async Task InitializeAsync() => _service = await LanguageServiceDouble.StartAsync(_certificate);

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        _certificate.Dispose();
    }

    /// <summary>
    /// The summarizer for <paramref name="endpoint"/> (the double's own address when null). A sovereign-cloud
    /// endpoint's requests are sent to the double, as DNS would send them to that cloud's resource.
    /// </summary>
    private LanguageSummarizer CreateSut(TokenCredential credential, string? endpoint = null)
    {
        var options = new SummarizerOptions
        {
            Provider = SummarizerProviders.LanguageExtractive,
            Language = new LanguageServiceOptions { Endpoint = endpoint ?? _service.Endpoint.ToString() },
        };
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == _certificate.Thumbprint,
        };
        var pipeline = AnalyzeTextClient.CreatePipeline(options.Language, credential, new HttpClientTransport(new ToDouble(_service.Endpoint, handler)));
        return new LanguageSummarizer(options, pipeline, _time, _log);
    }

    [Fact]
    public async Task Summarize_EntraId_SendsABearerTokenForTheCognitiveServicesScope()
    {
        var article = NewsArticles.FloodWall();
        var credential = new IssuingCredential();
        _service.OnSubmit(Reply.Accepted());
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut(credential).SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.StartsWith("https://", _service.Endpoint.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, _service.Requests.Count);
        Assert.All(_service.Requests, r => Assert.Equal("Bearer entra-token", r.Header("Authorization")));
        Assert.All(_service.Requests, r => Assert.Null(r.Header("Ocp-Apim-Subscription-Key")));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Theory]
    [InlineData("https://digest-language.cognitiveservices.azure.com", "https://cognitiveservices.azure.com/.default")]
    [InlineData("https://digest-language.cognitiveservices.azure.us", "https://cognitiveservices.azure.us/.default")]
    [InlineData("https://digest-language.cognitiveservices.azure.cn/", "https://cognitiveservices.azure.cn/.default")]
    public async Task Summarize_EntraIdInAnAzureCloud_AsksForThatCloudsScope(string endpoint, string scope)
    {
        var article = NewsArticles.FloodWall();
        var credential = new IssuingCredential();
        _service.OnSubmit(Reply.Accepted() with { Headers = new Dictionary<string, string>
        {
            ["Operation-Location"] = endpoint.TrimEnd('/') + "/language/analyze-text/jobs/" + Reply.JobId + "?api-version=2025-11-01",
        } });
        _service.OnPoll(JobStates.Extractive(("1", [(article.Paragraphs[2], 0.9, 10)])));

        var summary = await CreateSut(credential, endpoint).SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.LanguageExtractive, summary.Provider);
        Assert.Equal([scope], credential.Scopes.Distinct());
        Assert.All(_service.Requests, r => Assert.Equal(new Uri(endpoint).Host, r.Header("Host")));
        Assert.All(_service.Requests, r => Assert.Equal("Bearer entra-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task Summarize_NoEntraToken_FallsBackWithAConfigurationError()
    {
        var article = NewsArticles.FloodWall();

        var summary = await CreateSut(new RefusingCredential()).SummarizeAsync(article);

        Assert.Equal(SummarizerProviders.BuiltIn, summary.Provider);
        var warning = Assert.Single(_log.Warnings);
        Assert.Equal("Unauthorized", warning.Values["Fault"]?.ToString());
        Assert.Contains("managed identity", warning.Message, StringComparison.Ordinal);
        Assert.Empty(_service.Requests);
    }

    private static X509Certificate2 LoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(Now.AddYears(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Sends every request to the double, keeping the Host header of the endpoint it was meant for.</summary>
    private sealed class ToDouble(Uri double_, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var meant = request.RequestUri!;
            request.Headers.Host = meant.Authority;
            request.RequestUri = new UriBuilder(meant) { Scheme = double_.Scheme, Host = double_.Host, Port = double_.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>Stands in for Entra ID, which cannot run here: issues a fixed token and records the scopes asked for.</summary>
    private sealed class IssuingCredential : TokenCredential
    {
        private readonly List<string> _scopes = [];

        public IReadOnlyList<string> Scopes
        {
            get
            {
                lock (_scopes)
                {
                    return [.. _scopes];
                }
            }
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (_scopes)
            {
                _scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    /// <summary>A sign-in that fails, as with no managed identity and no developer sign-in.</summary>
    private sealed class RefusingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ManagedIdentityCredential authentication unavailable.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new AuthenticationFailedException("ManagedIdentityCredential authentication unavailable.");
    }
}

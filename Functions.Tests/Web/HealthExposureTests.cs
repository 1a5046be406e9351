using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Digest.Cli;
using Digest.Mail;
using Digest.Tests.Mail;
using Digest.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Digest.Tests.Web;

/// <summary><c>/api/health</c> in public says which check failed, never hosts, ports or exception text; the details go to the logs.</summary>
public sealed class HealthExposureTests
{
    private sealed class CollectingProvider : ILoggerProvider
    {
        public CollectingLogger<HealthCheck> Logger { get; } = new();

        public ILogger CreateLogger(string categoryName) => Logger;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Health_SmtpRelayCannotBeUsed_AnswersWhichCheckFailedAndLogsTheDetailsOnly()
    {
        var folder = Directory.CreateTempSubdirectory("digest-health-relay-").FullName;
        var port = Digest.Tests.TestSupport.FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var logs = new CollectingProvider();
        try
        {
            await using var app = await Digest.Tests.TestSupport.FunctionApp.Create(
                folder, services => services.AddSingleton<ILoggerProvider>(logs),
                "Mail:Sender=smtp", "Mail:Smtp:Host=127.0.0.1", $"Mail:Smtp:Port={port}", "Mail:Smtp:UseStartTls=false").StartHttpAsync();

            using var response = await app.Http.GetAsync("/api/health");
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("unhealthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
            Assert.Contains("sender", body);
            foreach (var detail in new[] { "127.0.0.1", port, "refused", "SMTP relay" })
            {
                Assert.DoesNotContain(detail, body, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Contains(logs.Logger.Lines, line => line.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

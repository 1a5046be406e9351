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

/// <summary><c>serve --out</c> that is not a folder is refused at start, naming it, instead of answering 500 to every subscription.</summary>
public sealed class ServeDataFolderTests
{
    [Fact]
    public async Task ServeRunAndUpload_OutIsARegularFile_AreRefusedAtStartNamingIt()
    {
        var file = Path.GetTempFileName();
        try
        {
            using var error = new StringWriter();
            using var output = new StringWriter();

            var serving = DigestCli.InvokeAsync(["serve", "--port", Digest.Tests.TestSupport.FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file], output, error);

            // A guard, not a measurement: a serve that started would never end by itself.
            Assert.True(await Task.WhenAny(serving, Task.Delay(TimeSpan.FromMinutes(2))) == serving, "serve started on a data folder that is a file: " + output);
            var exit = await serving;
            Assert.Equal(DigestCli.BadArguments, exit);
            Assert.Contains("--out", error.ToString());
            Assert.Contains("not a folder", error.ToString());
            Assert.DoesNotContain("Digest pages on", output.ToString());

            foreach (var command in new[] { "run", "upload" })
            {
                using var runError = new StringWriter();
                string[] args = command == "run"
                    ? ["run", Path.Combine(AppContext.BaseDirectory, "samples", "articles"), "--out", Path.Combine(file, "data"), "--date", "2026-11-20"]
                    : ["upload", Path.Combine(AppContext.BaseDirectory, "samples", "articles"), "--out", file];
                Assert.Equal(DigestCli.BadArguments, await DigestCli.InvokeAsync(args, TextWriter.Null, runError));
                Assert.Contains("not a folder", runError.ToString());
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}

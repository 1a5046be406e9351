using Digest.Storage;
using Digest.Web;

namespace Digest.Tests.Storage;

public sealed class DamagedRecordTests
{
    [Fact]
    public void HttpProblem_DamagedRecord_IsAServerErrorNamingTheRecord()
    {
        var (status, _, detail) = HttpProblems.Describe(new DamagedRecordException("subscriber list", "subscribers.json", "/data/subscribers.json"));

        Assert.Equal(500, status);
        Assert.Contains("subscriber list 'subscribers.json'", detail);
        Assert.DoesNotContain("/data/", detail);
    }
}

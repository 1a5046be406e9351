using Azure.Core;
using Azure.Core.Pipeline;

namespace Digest.Summaries.Cloud;

/// <summary>
/// Signs every request with a resource key in <c>Ocp-Apim-Subscription-Key</c>. Azure.Core's request logging redacts
/// the header, since it is not in its list of headers it may log.
/// </summary>
internal sealed class ApiKeyPolicy(string key) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(HeaderName, key);
}

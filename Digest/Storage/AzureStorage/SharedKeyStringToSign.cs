using System.Text;

namespace Digest.Storage.AzureStorage;

/// <summary>Which of the two documented Shared Key string-to-sign layouts a service uses.</summary>
public enum SharedKeyFlavor
{
    /// <summary>Blob and Queue: verb, the standard headers, canonicalized x-ms- headers and resource with all query parameters.</summary>
    BlobAndQueue,

    /// <summary>Table ("Shared Key for Table"): verb, Content-MD5, Content-Type, date and the resource with only <c>comp</c>.</summary>
    Table,
}

/// <summary>
/// Builds the string-to-sign of the Azure Storage "Authorize with Shared Key" scheme (service version 2009-09-19 and
/// later). Pure functions of the request, so a fixed request gives a fixed string and a fixed signature.
/// </summary>
public static class SharedKeyStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>
    /// The string to sign for a request. <paramref name="headers"/> holds the request's headers (names in any case);
    /// <paramref name="contentLength"/> is the body length (0 and no body are both signed as empty).
    /// </summary>
    public static string Build(SharedKeyFlavor flavor, string accountName, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long contentLength)
    {
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName[name] = value;
        }

        return flavor == SharedKeyFlavor.Table
            ? BuildForTable(accountName, method, uri, byName)
            : BuildForBlobAndQueue(accountName, method, uri, byName, contentLength);
    }

    private static string BuildForBlobAndQueue(string accountName, string method, Uri uri, Dictionary<string, string> headers, long contentLength)
    {
        var builder = new StringBuilder(256).Append(method.ToUpperInvariant()).Append('\n');
        foreach (var name in StandardHeaders)
        {
            var value = name switch
            {
                "Content-Length" => contentLength > 0 ? contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                // x-ms-date replaces Date, which is then signed as empty.
                "Date" when headers.ContainsKey("x-ms-date") => string.Empty,
                _ => headers.GetValueOrDefault(name, string.Empty),
            };
            builder.Append(value).Append('\n');
        }

        foreach (var (name, value) in headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var (name, values) in QueryParameters(uri).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(name).Append(':').Append(string.Join(',', values.Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static string BuildForTable(string accountName, string method, Uri uri, Dictionary<string, string> headers)
    {
        var date = headers.GetValueOrDefault("x-ms-date") ?? headers.GetValueOrDefault("Date", string.Empty);
        var resource = "/" + accountName + uri.AbsolutePath;
        if (QueryParameters(uri).TryGetValue("comp", out var comp))
        {
            resource += "?comp=" + comp[0];
        }

        return string.Join('\n',
            method.ToUpperInvariant(),
            headers.GetValueOrDefault("Content-MD5", string.Empty),
            headers.GetValueOrDefault("Content-Type", string.Empty),
            date,
            resource);
    }

    /// <summary>Query parameters with lower-case names and decoded values, repeated names gathered.</summary>
    private static Dictionary<string, List<string>> QueryParameters(Uri uri)
    {
        var parameters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        return parameters;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Digest.Web;

/// <summary>
/// Who a request comes from, for the subscribe limit: the connection's own address, unless that address is a trusted
/// proxy (<c>Subscriptions:TrustedProxies</c>); then the address that proxy appended to <c>X-Forwarded-For</c>, and so
/// on leftwards while the address reached is trusted. An address a client wrote into the header itself is never
/// reached: it stands left of what the first trusted proxy appended. Nothing is trusted by default (<c>serve</c>
/// faces its clients directly). <c>IP:port</c>, <c>[IPv6]:port</c> and IPv4-mapped IPv6 forms name the same client.
/// </summary>
public sealed class ClientAddresses
{
    /// <summary>The keyword for the networks between the internet and the app in Azure (see <see cref="PlatformNetworks"/>).</summary>
    public const string Platform = "platform";

    /// <summary>
    /// What <see cref="Platform"/> trusts: loopback (the Functions host relays each request to the worker over it),
    /// the private, shared (100.64.0.0/10) and link-local ranges the platform's front ends reach the app from.
    /// A reader's own address is public, so the first public address from the right is the one the front end saw.
    /// </summary>
    public static readonly IReadOnlyList<IPNetwork> PlatformNetworks =
    [
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
    ];

    private readonly IReadOnlyList<IPNetwork> trusted;

    public ClientAddresses(string? trustedProxies) => trusted = Parse(trustedProxies, out _);

    /// <summary>The client's address as a stable key (normalised: no port, IPv4 for IPv4-mapped IPv6).</summary>
    public string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = Normalize(request.HttpContext.Connection.RemoteIpAddress);
        var forwarded = request.Headers["X-Forwarded-For"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        for (var i = forwarded.Length - 1; i >= 0 && current is not null && IsTrusted(current); i--)
        {
            if (ParseEntry(forwarded[i]) is not { } next)
            {
                break;
            }

            current = next;
        }

        return current?.ToString() ?? "unknown";
    }

    /// <summary>Why <paramref name="trustedProxies"/> is not a list of proxies; null when it is.</summary>
    public static string? Problem(string? trustedProxies)
    {
        Parse(trustedProxies, out var problem);
        return problem;
    }

    private bool IsTrusted(IPAddress address) => trusted.Any(network => network.Contains(address));

    private static IReadOnlyList<IPNetwork> Parse(string? trustedProxies, out string? problem)
    {
        problem = null;
        var networks = new List<IPNetwork>();
        foreach (var entry in (trustedProxies ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(entry, Platform, StringComparison.OrdinalIgnoreCase))
            {
                networks.AddRange(PlatformNetworks);
            }
            else if (IPAddress.TryParse(entry, out var single) && !entry.Contains('/'))
            {
                var normal = Normalize(single)!;
                networks.Add(new IPNetwork(normal, normal.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                problem ??= $"'{entry}' is not an IP address, a network such as 10.0.0.0/8, or '{Platform}'";
            }
        }

        return networks;
    }

    /// <summary>An <c>X-Forwarded-For</c> entry: an address, with or without a port (<c>1.2.3.4:5678</c>, <c>[2001:db8::1]:443</c>).</summary>
    private static IPAddress? ParseEntry(string entry)
    {
        entry = entry.Trim('"', ' ');
        if (IPAddress.TryParse(entry, out var address) && !entry.StartsWith('['))
        {
            return Normalize(address);
        }

        return IPEndPoint.TryParse(entry, out var endpoint) ? Normalize(endpoint.Address) : null;
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}

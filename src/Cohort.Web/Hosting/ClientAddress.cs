using System.Net;

namespace Cohort.Web.Hosting;

/// <summary>Whom a rate limit counts: the client's address as the known proxies report it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The partition key of a request's client. An IPv6 client is counted by its /64 network, since one
    /// household or server holds a whole /64 and could otherwise take a fresh address for every attempt.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}

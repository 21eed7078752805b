using System.Net;

namespace Cohort.Core.Configuration;

/// <summary>An entry of <see cref="CohortWebOptions.KnownProxies"/>: an address, or a network in CIDR notation.</summary>
public static class ProxyAddress
{
    public static bool TryParse(string entry, out IPAddress? address, out IPNetwork? network)
    {
        network = null;
        if (IPAddress.TryParse(entry, out address))
        {
            return true;
        }

        if (entry.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(entry, out var parsed))
        {
            network = parsed;
            return true;
        }

        return false;
    }
}

using System.Security.Cryptography;
using System.Text;

namespace BsgFunds.Domain;

/// <summary>
/// Streams of reference data are keyed by what they describe (a country, a month of rates), so their ids are
/// name-based UUIDs (RFC 9562 version 5) under a BsgFunds namespace: the same name always gives the same stream.
/// </summary>
public static class StreamIds
{
    private static readonly Guid Namespace = new("6f1c8f4e-2b7a-4f0e-9a43-5b1d2c3e4f50");

    public static Guid Country(string iso2) => NameBased($"country:{iso2}");

    public static Guid ExchangeRates(YearMonth month) => NameBased($"exchange-rates:{month}");

    public static Guid Budget(int year) => NameBased($"budget:{year}");

    public static Guid Period(int year) => NameBased($"period:{year}");

    public static Guid NameBased(string name)
    {
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 ids; it is not used for security here.
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}

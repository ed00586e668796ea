using System.Security.Cryptography;
using System.Text;

namespace BsgFunds.Domain.Audit;

/// <summary>
/// The hash chain over the event log: each event's hash is SHA-256 over its canonical form, which ends with the
/// previous event's hash. Events are chained in sequence order by one writer, so concurrent appends still give one
/// unbroken chain. This file is the reference: docs/audit.md describes the same form for anyone to recompute.
/// </summary>
public static class ChainHash
{
    /// <summary>The hash before the first event: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Canonical(ChainedEvent e, string previousHash) =>
        string.Join('\n', ["bsgfunds-chain-v1", .. e.CanonicalFields(), previousHash]);

    public static string Of(ChainedEvent e, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e, previousHash))));
}

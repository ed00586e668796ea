namespace BsgFunds.Api.Transparency;

/// <summary>RFC 9162 2.1.4: the hashes that show the tree of 'to' leaves only appended to the tree of 'from' leaves.</summary>
public sealed record ConsistencyProof(long From, long To, IReadOnlyList<string> Path);

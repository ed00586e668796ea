using BsgFunds.Domain.Transparency;

namespace BsgFunds.Api.Transparency;

/// <summary>Signed tree heads with a tree size above 'after', smallest first; pass 'next' as 'after' for the following page.</summary>
public sealed record TreeHeadPage(long After, IReadOnlyList<TreeHead> Heads, long Next);

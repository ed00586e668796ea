namespace BsgFunds.Domain.Contributions;

/// <summary>
/// How an agreement's revenue is recognised under IPSAS 47 (Revenue), fixed when it is signed (docs/ledger.md, decision
/// 0011). An agreement without these terms was signed before the first IPSAS 47 period and keeps the IPSAS 23 postings.
/// <see cref="ComplianceObligations"/>: a binding arrangement in which the fund must use the money for the agreed BSG
/// purpose and return what is unspent; money received under it is a liability, revenue as eligible expenses are incurred.
/// Without them the fund controls the resource at signature, and the agreed amount is revenue then.
/// </summary>
public sealed record RevenueTerms(bool ComplianceObligations, FundingSource Source)
{
    /// <summary>
    /// The stamp each later money event of the agreement carries (null: no compliance obligations). A method, not a property,
    /// so that it is not stored with the event.
    /// </summary>
    public ComplianceObligations? Stamp() => ComplianceObligations ? new ComplianceObligations(Source) : null;
}

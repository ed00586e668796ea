namespace BsgFunds.Domain.Contributions;

/// <summary>
/// Stamped on a money event of a contribution received under IPSAS 47 compliance obligations: the money sits in a
/// liability of the contribution until spent on eligible expenses, and is then revenue of <see cref="Source"/>. Postings
/// depend on the event alone (<see cref="Postings.For"/>), so each event carries its treatment rather than looking it up.
/// </summary>
public sealed record ComplianceObligations(FundingSource Source);

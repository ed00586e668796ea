namespace BsgFunds.Domain.Spending;

/// <summary>The TSB Director delegated approval up to a CHF limit per allocation or disbursement, until a date (inclusive).</summary>
public sealed record DelegationGranted(Guid DelegationId, string DelegateSub, decimal LimitChf, DateOnly Until, string GrantedBy,
    DateTimeOffset GrantedAt) : IFundEvent;

namespace BsgFunds.Domain.Statements;

/// <summary>An agreement under compliance obligations as the notes disclose it: agreed, and settled (received or written off).</summary>
public sealed record AgreementTerms(Guid DonorId, Money Agreed, decimal RateToChf, decimal SettledOriginal)
{
    /// <summary>The signed instalments still to come, in CHF at the agreement's rate (disclosed, not recognised).</summary>
    public decimal ToComeChf => Money.Of(Agreed.Amount - SettledOriginal, Agreed.Currency).ToChf(RateToChf).Amount;
}

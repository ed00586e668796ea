using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

public sealed record ContributionStatement(
    Guid ContributionId, FundingSource Source, Earmark Earmark, ContributionStatus Status, DateOnly PledgedOn, Money Pledged, decimal? PledgedChf,
    string? AgreementReference, DateOnly? SignedOn, Money? Agreed, decimal AgreedChf,
    decimal OpeningBalanceChf, IReadOnlyList<StatementReceipt> Receipts, decimal ReceivedChf, decimal PscChf, decimal ExchangeDifferencesChf,
    IReadOnlyList<StatementUse> Allocated, decimal AllocatedChf, IReadOnlyList<StatementDisbursement> Disbursed, decimal DisbursedChf,
    decimal RefundsChf, Money? WrittenOff, decimal WriteOffsChf, decimal ClosingBalanceChf)
{
    /// <summary>The agreement's amendments signed in the period; <see cref="Agreed"/> is the total in force as of the report.</summary>
    public IReadOnlyList<StatementAmendment> Amendments { get; init; } = [];

    /// <summary>When the pledge was withdrawn, if it was.</summary>
    public DateOnly? WithdrawnOn { get; init; }
}

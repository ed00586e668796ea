namespace BsgFunds.Domain.Contributions;

/// <summary>
/// The signed agreement was amended with the donor: <see cref="Amount"/> and <see cref="Instalments"/> restate the agreed
/// total and the whole schedule, in the agreement's currency. The change is valued at the agreement's carrying rate
/// (<see cref="RateToChf"/>, the signing month's), so the receivable keeps one rate and any difference from the rate at
/// which cash arrives is an exchange difference of the receipt. <see cref="ChangeChf"/> goes to deferred revenue
/// (<see cref="ToDeferredRevenueChf"/>) or to net assets (<see cref="ToNetAssetsChf"/>), as the agreement's revenue did.
/// </summary>
public sealed record AgreementAmended(
    Guid ContributionId, Guid DonorId, string Reference, DateOnly SignedOn, string Reason, Money Amount, IReadOnlyList<Instalment> Instalments,
    Money Change, decimal RateToChf, decimal AmountChf, decimal ChangeChf, decimal ToDeferredRevenueChf, decimal ToNetAssetsChf, Earmark Earmark,
    string RecordedBy, DateTimeOffset RecordedAt, ComplianceObligations? Obligations = null) : IContributionEvent, ILedgerEvent;

namespace BsgFunds.Domain.Spending;

/// <summary>One allocation with its sign-offs, funding and disbursements, folded from its stream.</summary>
public sealed record Allocation(
    Guid Id,
    AllocationRequested Request,
    AllocationApprovedByTsb? Tsb,
    AllocationSignedOffByBdt? Bdt,
    AllocationApproved? Approval,
    AllocationRejected? Rejection,
    AllocationClosed? Closing,
    IReadOnlyList<Disbursement> Disbursements)
{
    public static Allocation Create(AllocationRequested requested) => new(requested.AllocationId, requested, null, null, null, null, null, []);

    public Allocation Apply(AllocationApprovedByTsb e) => this with { Tsb = e };

    public Allocation Apply(AllocationSignedOffByBdt e) => this with { Bdt = e };

    public Allocation Apply(AllocationApproved e) => this with { Approval = e };

    public Allocation Apply(AllocationRejected e) => this with { Rejection = e };

    public Allocation Apply(AllocationClosed e) => this with { Closing = e };

    public Allocation Apply(DisbursementRequested e) =>
        this with { Disbursements = [.. Disbursements, new Disbursement(e, DisbursementStatus.Requested, null, null, null, null)] };

    public Allocation Apply(DisbursementCertified e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Certified,
        Certified = e });

    public Allocation Apply(DisbursementApproved e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Approved, Approved = e });

    public Allocation Apply(DisbursementPaid e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Paid, Paid = e });

    public Allocation Apply(DisbursementCancelled e) => Change(e.DisbursementId, d => d with { Status = DisbursementStatus.Cancelled,
        Cancelled = e });

    private Allocation Change(Guid id, Func<Disbursement, Disbursement> change) =>
        this with { Disbursements = Disbursements.Select(d => d.Id == id ? change(d) : d).ToList() };

    public AllocationStatus Status =>
        Closing is not null ? AllocationStatus.Closed
        : Rejection is not null ? AllocationStatus.Rejected
        : Approval is not null ? AllocationStatus.Approved
        : AllocationStatus.Requested;

    public decimal CommittedChf => Approval?.AmountChf ?? 0m;

    public decimal DisbursedChf => Disbursements.Where(d => d.Status == DisbursementStatus.Paid).Sum(d => d.Request.AmountChf);

    /// <summary>Requested, certified or approved disbursements not yet paid: money spoken for, not yet spent.</summary>
    public decimal PendingChf => Disbursements
        .Where(d => d.Status is DisbursementStatus.Requested or DisbursementStatus.Certified or DisbursementStatus.Approved)
        .Sum(d => d.Request.AmountChf);

    public decimal ReleasedChf => Closing?.Released.Sum(r => r.AmountChf) ?? 0m;

    /// <summary>What new disbursements may still use.</summary>
    public decimal RemainingChf => Status == AllocationStatus.Approved ? CommittedChf - DisbursedChf - PendingChf : 0m;

    /// <summary>Per funding contribution, what its commitment to this allocation has not yet paid out.</summary>
    public IReadOnlyList<FundingLine> UnspentFunding()
    {
        var paid = Disbursements.Where(d => d.Paid is not null).SelectMany(d => d.Paid!.Funding)
            .GroupBy(f => f.ContributionId).ToDictionary(g => g.Key, g => g.Sum(f => f.AmountChf));
        return (Approval?.Funding ?? [])
            .Select(f => f with { AmountChf = f.AmountChf - paid.GetValueOrDefault(f.ContributionId) })
            .Where(f => f.AmountChf > 0)
            .ToList();
    }

    public Disbursement? Disbursement(Guid id) => Disbursements.FirstOrDefault(d => d.Id == id);
}

using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

public sealed record AllocationView(
    Guid Id, int Year, int Programme, UseOfFunds Use, string Title, decimal AmountChf, IReadOnlyList<ItuRegion> Regions,
        IReadOnlyList<string> Countries,
    IReadOnlyList<Guid> ContributionIds, AllocationStatus Status, string RequestedBy, DateTimeOffset RequestedAt, bool NeedsBdtSignOff,
    IReadOnlyList<SignOffView> SignOffs, AllocationRejected? Rejection, IReadOnlyList<FundingView> Funding,
    decimal CommittedChf, decimal DisbursedChf, decimal PendingChf, decimal ReleasedChf, decimal RemainingChf,
    IReadOnlyList<DisbursementSummary> Disbursements)
{
    public static AllocationView Of(Allocation a, ApprovalRules rules)
    {
        var r = a.Request;
        var signOffs = new List<SignOffView>();
        if (a.Tsb is { } t) signOffs.Add(new SignOffView(t.Role, t.By, t.DelegationId, t.At));
        if (a.Bdt is { } b) signOffs.Add(new SignOffView(b.Role, b.By, null, b.At));
        var paid = a.Disbursements.Where(d => d.Paid is not null).SelectMany(d => d.Paid!.Funding).ToList();
        var released = a.Closing?.Released ?? [];
        var funding = (a.Approval?.Funding ?? []).Select(f => new FundingView(
            f.ContributionId, f.DonorId, f.Category, f.AmountChf,
            paid.Where(p => p.ContributionId == f.ContributionId).Sum(p => p.AmountChf),
            released.Where(p => p.ContributionId == f.ContributionId).Sum(p => p.AmountChf))).ToList();
        return new AllocationView(
            r.AllocationId, r.Year, r.Programme, r.Use, r.Title, r.AmountChf, r.Regions, r.Countries, r.ContributionIds, a.Status, r.RequestedBy,
                r.RequestedAt,
            rules.NeedsBdtSignOff(r), signOffs.OrderBy(s => s.At).ToList(), a.Rejection, funding,
            a.CommittedChf, a.DisbursedChf, a.PendingChf, a.ReleasedChf, a.RemainingChf,
            a.Disbursements.Select(d => new DisbursementSummary(d.Id, d.Request.AmountChf, d.Request.Kind, d.Request.Payee.Name, d.Status)).ToList());
    }
}

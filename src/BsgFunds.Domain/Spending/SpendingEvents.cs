using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

// Allocation streams hold the allocation's request, sign-offs, final approval with its funding, its disbursements
// and its closing; contribution streams hold the commitments and releases that move money out of and back into
// each contribution's available balance.

public enum ProgrammeNumber
{
    StandardsMakingCapabilities = 1,
    ApplicationOfStandards = 2,
    HumanResourcesCapacityBuilding = 3,
}

public enum BudgetVersion
{
    Original,
    Revised,
}

public sealed record BudgetLine(int Programme, UseOfFunds Use, decimal AmountChf);

/// <summary>A finance officer recorded the year's plan for the BSG line item, in its original or revised version.</summary>
public sealed record BudgetPlanned(Guid BudgetId, int Year, BudgetVersion Version, IReadOnlyList<BudgetLine> Lines, string RecordedBy,
    DateTimeOffset RecordedAt) : IFundEvent;

/// <summary>The TSB Director delegated approval up to a CHF limit per allocation or disbursement, until a date (inclusive).</summary>
public sealed record DelegationGranted(Guid DelegationId, string DelegateSub, decimal LimitChf, DateOnly Until, string GrantedBy,
    DateTimeOffset GrantedAt) : IFundEvent;

/// <summary>A programme officer asked to spend a CHF amount on one use of funds.</summary>
public sealed record AllocationRequested(
    Guid AllocationId, int Year, int Programme, UseOfFunds Use, string Title, decimal AmountChf,
    IReadOnlyList<ItuRegion> Regions, IReadOnlyList<string> Countries, IReadOnlyList<Guid> ContributionIds,
    string RequestedBy, DateTimeOffset RequestedAt) : IAllocationEvent;

/// <summary>The TSB Director (or a delegate, named with the delegation) approved the allocation.</summary>
public sealed record AllocationApprovedByTsb(Guid AllocationId, string By, string Role, Guid? DelegationId, DateTimeOffset At) : IAllocationEvent;

/// <summary>The BDT Director signed off the allocation (capacity building, or at or above the threshold).</summary>
public sealed record AllocationSignedOffByBdt(Guid AllocationId, string By, string Role, DateTimeOffset At) : IAllocationEvent;

public sealed record FundingLine(Guid ContributionId, Guid DonorId, EarmarkCategory Category, Earmark Earmark, decimal AmountChf);

/// <summary>The last required sign-off made the allocation final: money was committed from these contributions.</summary>
public sealed record AllocationApproved(Guid AllocationId, decimal AmountChf, IReadOnlyList<FundingLine> Funding, DateTimeOffset At) : IAllocationEvent, ISpendingEvent;

public sealed record AllocationRejected(Guid AllocationId, string By, string Role, string Reason, DateTimeOffset At) : IAllocationEvent;

/// <summary>The allocation was closed; what was committed and not disbursed went back to its contributions.</summary>
public sealed record AllocationClosed(Guid AllocationId, string By, IReadOnlyList<FundingLine> Released, DateTimeOffset At) : IAllocationEvent, ISpendingEvent;

/// <summary>On a contribution's stream: part of its available cash is committed to an allocation.</summary>
public sealed record FundsCommitted(Guid ContributionId, Guid DonorId, Guid AllocationId, decimal AmountChf, Earmark Earmark, DateTimeOffset At) : IContributionEvent, ISpendingEvent;

/// <summary>On a contribution's stream: committed but undisbursed money came back from a closed allocation.</summary>
public sealed record CommitmentReleased(Guid ContributionId, Guid DonorId, Guid AllocationId, decimal AmountChf, Earmark Earmark, DateTimeOffset At) : IContributionEvent, ISpendingEvent;

public enum DisbursementKind
{
    Fellowship,
    Vendor,
    Expert,
    Institution,
}

public enum FellowshipType
{
    Full,
    Ticket,
    Allowance,
}

public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}

public sealed record Payee(string Name, string? PersonId, string CountryCode, Gender? Gender);

public sealed record Meeting(string Code, DateOnly StartsOn);

public sealed record DisbursementRequested(
    Guid AllocationId, Guid DisbursementId, decimal AmountChf, DisbursementKind Kind, Payee Payee, string Purpose,
    Meeting? Meeting, FellowshipType? Fellowship, string RequestedBy, DateTimeOffset RequestedAt) : IAllocationEvent, ISpendingEvent;

public sealed record DisbursementCertified(Guid AllocationId, Guid DisbursementId, string By, DateTimeOffset At) : IAllocationEvent;

public sealed record DisbursementApproved(Guid AllocationId, Guid DisbursementId, string By, string Role, Guid? DelegationId, DateTimeOffset At) : IAllocationEvent;

/// <summary>Paid: commitment turns into expense and cash goes out, from these contributions' commitments.</summary>
public sealed record DisbursementPaid(
    Guid AllocationId, Guid DisbursementId, DateOnly PaidOn, string PaymentReference, decimal AmountChf, UseOfFunds Use,
    IReadOnlyList<FundingLine> Funding, string By, DateTimeOffset At) : IAllocationEvent, ISpendingEvent;

public sealed record DisbursementCancelled(Guid AllocationId, Guid DisbursementId, string By, string Reason, DateTimeOffset At) : IAllocationEvent;

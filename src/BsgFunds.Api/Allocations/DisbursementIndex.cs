using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

/// <summary>Where each disbursement lives (its allocation) and what the fellowship limits need to query.</summary>
public sealed class DisbursementIndex
{
    public Guid Id { get; set; }

    public Guid AllocationId { get; set; }

    public DisbursementKind Kind { get; set; }

    public DisbursementStatus Status { get; set; }

    public string? MeetingCode { get; set; }

    public string CountryCode { get; set; } = string.Empty;

    public string? PersonId { get; set; }

    public int Year { get; set; }

    public FellowshipType? Fellowship { get; set; }
}

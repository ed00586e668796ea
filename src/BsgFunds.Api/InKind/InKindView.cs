using BsgFunds.Domain.InKind;

namespace BsgFunds.Api.InKind;

/// <summary>
/// A contribution in kind as clients read it; <c>recognised</c> is true for goods (revenue at fair value), false for services
/// (disclosed).
/// </summary>
public sealed record InKindView(
    Guid Id, Guid DonorId, InKindType Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme,
    string ValuationBasis, bool Recognised, string RecordedBy, DateTimeOffset RecordedAt, DateOnly? ReversedOn, string? ReversalReason)
{
    public const string Readers = $"{Allocations.AllocationRoles.StaffAndAuditor},{Roles.Donor}";

    public static InKindView Of(InKindContribution c) => new(c.Id, c.DonorId, c.Kind, c.Description, c.ValueChf, c.From, c.To, c.Programme,
        c.ValuationBasis, c.Recognised, c.RecordedBy, c.RecordedAt, c.ReversedOn, c.ReversalReason);
}

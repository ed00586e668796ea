namespace BsgFunds.Domain.InKind;

/// <summary>
/// A finance officer recorded goods or services a donor gave in kind, valued in CHF on a stated basis, delivered from
/// <see cref="From"/> to <see cref="To"/> (the day it counts in reports and statements). <see cref="Recognised"/> is the policy
/// applied when it was recorded: goods are revenue and, consumed on receipt, an expense of the same amount; services are
/// disclosed, not recognised. One stream per contribution in kind.
/// </summary>
public sealed record InKindContributionRecorded(
    Guid InKindId, Guid DonorId, InKindType Kind, string Description, decimal ValueChf, DateOnly From, DateOnly To, int? Programme,
    string ValuationBasis, bool Recognised, string RecordedBy, DateTimeOffset RecordedAt) : ILedgerEvent;

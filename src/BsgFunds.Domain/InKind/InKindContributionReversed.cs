namespace BsgFunds.Domain.InKind;

/// <summary>
/// A contribution in kind recorded by mistake was reversed on <see cref="ReversedOn"/> (the day of the correction, in an
/// open period), with the figures it reverses, so that whoever posted or disclosed it can take it back without reading the
/// original. A corrected record is a new <see cref="InKindContributionRecorded"/>.
/// </summary>
public sealed record InKindContributionReversed(
    Guid InKindId, Guid DonorId, InKindType Kind, decimal ValueChf, int? Programme, bool Recognised, DateOnly ReversedOn, string Reason,
    string RecordedBy, DateTimeOffset RecordedAt) : ILedgerEvent;

namespace BsgFunds.Domain.Statements;

/// <summary>A service given in kind as the notes disclose it (not recognised); a reversed one no longer counts from its reversal.</summary>
public sealed record ServiceInKind(
    Guid DonorId, string Description, string ValuationBasis, decimal ValueChf, DateOnly From, DateOnly To, DateOnly? ReversedOn);

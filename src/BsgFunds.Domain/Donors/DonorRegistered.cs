namespace BsgFunds.Domain.Donors;

/// <summary>A finance officer registered a donor. One stream per donor.</summary>
public sealed record DonorRegistered(Guid DonorId, string Name, DonorType Type, string? CountryCode, string RegisteredBy,
    DateTimeOffset RegisteredAt) : IFundEvent;

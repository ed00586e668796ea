using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.Reports;

public sealed class DonorFacts
{
    public Guid Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public DonorType Type { get; set; }
    public string? CountryCode { get; set; }
}

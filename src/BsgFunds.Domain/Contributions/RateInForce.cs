namespace BsgFunds.Domain.Contributions;

public sealed record RateInForce(decimal RateToChf, string Source, string Month);

namespace BsgFunds.Api.Contributions;

public sealed record ConditionView(int Number, string Description, DateOnly? SatisfiedOn, decimal? RevenueReleasedChf);

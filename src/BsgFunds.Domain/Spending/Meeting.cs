namespace BsgFunds.Domain.Spending;

public sealed record Meeting(string Code, DateOnly StartsOn);

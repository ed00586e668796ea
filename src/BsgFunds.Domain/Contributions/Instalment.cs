namespace BsgFunds.Domain.Contributions;

public sealed record Instalment(DateOnly DueOn, Money Amount);

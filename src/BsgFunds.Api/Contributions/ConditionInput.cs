namespace BsgFunds.Api.Contributions;

public sealed record ConditionInput([property: Required] string? Description);

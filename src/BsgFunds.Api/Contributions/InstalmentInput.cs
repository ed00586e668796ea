namespace BsgFunds.Api.Contributions;

public sealed record InstalmentInput([property: Required] [property: ForwardLooking] DateOnly? DueOn, [property: Required] MoneyInput? Amount);

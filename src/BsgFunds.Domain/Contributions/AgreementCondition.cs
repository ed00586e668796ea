namespace BsgFunds.Domain.Contributions;

public sealed record AgreementCondition(int Number, string Description);

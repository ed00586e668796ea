namespace BsgFunds.Api.Contributions;

public sealed record WithdrawalView(DateOnly On, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

namespace BsgFunds.Domain.Reports;

public sealed record ReceivableLine(
    Guid DonorId, string DonorName, Guid ContributionId, string Reference, DateOnly DueOn, Money Instalment, Money Outstanding,
        decimal OutstandingChf, int DaysOverdue, string AgeBucket);

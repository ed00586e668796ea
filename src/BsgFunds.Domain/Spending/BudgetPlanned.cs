namespace BsgFunds.Domain.Spending;

/// <summary>A finance officer recorded the year's plan for the BSG line item, in its original or revised version.</summary>
public sealed record BudgetPlanned(Guid BudgetId, int Year, BudgetVersion Version, IReadOnlyList<BudgetLine> Lines, string RecordedBy,
    DateTimeOffset RecordedAt) : IFundEvent;

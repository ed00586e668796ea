using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

/// <summary>A budget line of the year: its budget (revised, else original) and what approved allocations have committed on it.</summary>
public sealed record FundingGapNeed(int Programme, UseOfFunds Use, decimal BudgetChf, decimal CommittedChf);

using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

public sealed record BudgetLine(int Programme, UseOfFunds Use, decimal AmountChf);

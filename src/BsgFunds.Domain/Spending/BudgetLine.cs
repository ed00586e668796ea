using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Spending;

public sealed record BudgetLine(int Programme, UseOfFunds Use, decimal AmountChf);

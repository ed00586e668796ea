using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

public sealed record StatementUse(int Programme, UseOfFunds Use, decimal AmountChf);

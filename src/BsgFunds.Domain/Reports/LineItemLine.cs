using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Reports;

public sealed record LineItemLine(
    int? Programme, UseOfFunds? Use, decimal BudgetOriginalChf, decimal? BudgetRevisedChf, decimal ReceivedChf, decimal PscChf,
    decimal AllocatedChf, decimal CommittedChf, decimal DisbursedChf, decimal AvailableChf, decimal PledgesOutstandingChf);

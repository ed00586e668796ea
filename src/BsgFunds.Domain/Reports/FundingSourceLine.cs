using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;

namespace BsgFunds.Domain.Reports;

public sealed record FundingSourceLine(FundingSource Source, DonorType DonorType, decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf,
    int Contributions);

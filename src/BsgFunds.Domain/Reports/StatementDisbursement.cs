using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;

namespace BsgFunds.Domain.Reports;

public sealed record StatementDisbursement(int Programme, UseOfFunds Use, string Region, string CountryCode,
    IReadOnlyList<CountryGroup> CountryGroups, decimal AmountChf);

namespace BsgFunds.IntegrationTests.Reports;

public sealed record LineAnswer(int? Programme, string? Use, decimal BudgetOriginalChf, decimal? BudgetRevisedChf, decimal ReceivedChf,
    decimal PscChf,
    decimal AllocatedChf, decimal CommittedChf, decimal DisbursedChf, decimal AvailableChf, decimal PledgesOutstandingChf);

public sealed record LineItemsAnswer(int Year, DateTimeOffset AsOf, long LastSequence, List<LineAnswer> Lines, LineAnswer Totals);

public sealed record SourceAnswer(string Source, string DonorType, decimal PledgedChf, decimal AgreedChf, decimal ReceivedChf, int Contributions);

public sealed record FundingSourcesAnswer(int Year, long LastSequence, List<SourceAnswer> Lines, decimal PledgedChf, decimal AgreedChf,
    decimal ReceivedChf);

public sealed record ParticipationLineAnswer(string Beneficiaries, string Dimension, string Key, int Count, decimal AmountChf);

public sealed record ParticipationAnswer(int Year, long LastSequence, List<ParticipationLineAnswer> Lines, int FellowshipsToWomen,
    int FellowshipsToMen, decimal WomenSharePercent);

public sealed record MoneyValue(decimal Amount, string Currency);

public sealed record ReceivableAnswer(Guid DonorId, Guid ContributionId, DateOnly DueOn, MoneyValue Outstanding, decimal OutstandingChf,
    int DaysOverdue, string AgeBucket);

public sealed record ReceivablesAnswer(long LastSequence, List<ReceivableAnswer> Lines, Dictionary<string, decimal> TotalsChfByBucket,
    decimal TotalChf);

public sealed record StatementReceiptAnswer(long Sequence, DateOnly ValueDate, MoneyValue Amount, decimal RateToChf, decimal AmountChf,
    decimal PscChf, decimal ExchangeDifferenceChf, string? BankReference, long? Reverses);

public sealed record StatementUseAnswer(int Programme, string Use, decimal AmountChf);

public sealed record StatementDisbursementAnswer(int Programme, string Use, string Region, string CountryCode, List<string> CountryGroups,
    decimal AmountChf);

public sealed record ContributionStatementAnswer(
    Guid ContributionId, string Status, MoneyValue Pledged, decimal? PledgedChf, MoneyValue? Agreed, decimal AgreedChf, decimal OpeningBalanceChf,
    List<StatementReceiptAnswer> Receipts, decimal ReceivedChf, decimal PscChf, decimal ExchangeDifferencesChf, List<StatementUseAnswer> Allocated,
        decimal AllocatedChf,
    List<StatementDisbursementAnswer> Disbursed, decimal DisbursedChf, decimal RefundsChf, decimal WriteOffsChf, decimal ClosingBalanceChf);

public sealed record StatementAnswer(Guid DonorId, string DonorName, DateOnly From, DateOnly To, long LastSequence,
    List<ContributionStatementAnswer> Contributions,
    decimal ReceivedChf, decimal PscChf, decimal AllocatedChf, decimal DisbursedChf, decimal RefundsChf, decimal ClosingBalanceChf);

public sealed record ImplementationAnswer(int Year, long LastSequence, LineItemsAnswer LineItems, FundingSourcesAnswer FundingSources,
    ParticipationAnswer Participation,
    ReceivablesAnswer Receivables, List<StatementAnswer> DonorStatements);

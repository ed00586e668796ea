namespace BsgFunds.Domain.Reports;

public sealed record ParticipationRow(int Year, string Beneficiaries, string Dimension, string Key, int Count, decimal AmountChf);

namespace BsgFunds.Domain.Reports;

public sealed record ParticipationLine(string Beneficiaries, string Dimension, string Key, int Count, decimal AmountChf);

namespace BsgFunds.Domain.Statements;

/// <summary>The statements <c>GET /api/statements/{kind}</c> answers (IPSAS 1, 2 and 24, and the notes).</summary>
public static class StatementKinds
{
    public const string FinancialPosition = "financial-position";
    public const string FinancialPerformance = "financial-performance";
    public const string ChangesInNetAssets = "changes-in-net-assets";
    public const string CashFlow = "cash-flow";
    public const string BudgetComparison = "budget-comparison";
    public const string Notes = "notes";

    public static readonly IReadOnlyList<string> All =
        [FinancialPosition, FinancialPerformance, ChangesInNetAssets, CashFlow, BudgetComparison, Notes];
}

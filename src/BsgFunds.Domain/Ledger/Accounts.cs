namespace BsgFunds.Domain;

/// <summary>The chart of accounts (docs/ledger.md). Accounts with a suffix are per donor, earmark or allocation.</summary>
public static class Accounts
{
    public const string Cash = "Assets:Cash";
    public const string ReceivablePrefix = "Assets:ContributionsReceivable";
    public const string DeferredRevenue = "Liabilities:DeferredRevenue";
    public const string NetAssetsUnrestricted = "NetAssets:Unrestricted";
    public const string NetAssetsRestricted = "NetAssets:Restricted";
    public const string ProgrammeSupportCostIncome = "Income:ProgrammeSupportCost";
    public const string ExchangeGain = "Income:ExchangeGain";
    public const string ExchangeLoss = "Expenses:ExchangeLoss";

    public const string CommitmentsPrefix = "NetAssets:Commitments";

    /// <summary>IPSAS 47: money received under compliance obligations and not yet spent on eligible expenses, per contribution.</summary>
    public const string ComplianceObligationsPrefix = "Liabilities:ComplianceObligations";

    /// <summary>IPSAS 47: revenue recognised as money held under compliance obligations is spent, per Programme 4 a source.</summary>
    public const string ContributionRevenuePrefix = "Revenue:Contributions";
    public const string DisbursementsPrefix = "Expenses:Disbursements";

    public static string Receivable(Guid donorId) => $"{ReceivablePrefix}:{donorId}";

    public static string Commitments(Guid allocationId) => $"{CommitmentsPrefix}:{allocationId}";

    public static string Disbursements(object use) => $"{DisbursementsPrefix}:{use}";

    /// <summary>Goods given in kind, recognised at fair value (IPSAS 47), and consumed in the programme when received.</summary>
    public const string GoodsInKindRevenue = "Revenue:GoodsInKind";

    public const string GoodsInKindExpense = "Expenses:GoodsInKind";

    public static string ComplianceObligations(Guid contributionId) => $"{ComplianceObligationsPrefix}:{contributionId}";

    public static string ContributionRevenue(object source) => $"{ContributionRevenuePrefix}:{source}";
}

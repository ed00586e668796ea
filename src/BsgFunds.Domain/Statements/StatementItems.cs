namespace BsgFunds.Domain.Statements;

/// <summary>The kinds of line in the statement of financial performance and the movements of net assets.</summary>
public static class StatementItems
{
    /// <summary>Revenue from contributions, by Programme 4 a source (IPSAS 23 or 47).</summary>
    public const string Revenue = "Revenue";

    /// <summary>Expenses of the fund's programmes, by nature, programme and use (IPSAS 48 for transfers).</summary>
    public const string Expense = "Expense";

    /// <summary>Realised exchange gains (credit) and losses (debit) on receipts.</summary>
    public const string ExchangeDifference = "ExchangeDifference";

    /// <summary>Programme support cost moved from restricted to unrestricted net assets (IPSAS 23, no compliance obligations).</summary>
    public const string ProgrammeSupportCost = "ProgrammeSupportCost";

    /// <summary>Money committed to, or released from, approved allocations: a reserve within net assets.</summary>
    public const string Commitment = "Commitment";

    public const string Unrestricted = "Unrestricted";

    /// <summary>Goods given in kind: their revenue line and the nature of their consumption.</summary>
    public const string GoodsInKind = "Goods in kind (fair value)";

    public const string Ipsas23 = "IPSAS 23";
    public const string Ipsas47WithObligations = "IPSAS 47, binding arrangement with compliance obligations";
    public const string Ipsas47WithoutObligations = "IPSAS 47, no compliance obligations";

    /// <summary>The nature of a payment's expense by the kind of disbursement: transfers (IPSAS 48) or services bought.</summary>
    public static string NatureOf(string? kind) => kind switch
    {
        "Fellowship" => "Transfers: fellowships",
        "Institution" => "Transfers: payments to institutions",
        "Expert" => "Services: experts and consultants",
        "Vendor" => "Services: goods and services from suppliers",
        _ => "Not recorded",
    };
}

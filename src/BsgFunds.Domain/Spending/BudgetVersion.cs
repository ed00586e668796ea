namespace BsgFunds.Domain.Spending;

public enum BudgetVersion
{
    Original,
    Revised,
}

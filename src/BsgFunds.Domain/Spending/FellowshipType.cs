namespace BsgFunds.Domain.Spending;

public enum FellowshipType
{
    Full,
    Ticket,
    Allowance,
}

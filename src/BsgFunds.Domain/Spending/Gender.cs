namespace BsgFunds.Domain.Spending;

public enum Gender
{
    Female,
    Male,
    Other,
    Undisclosed,
}

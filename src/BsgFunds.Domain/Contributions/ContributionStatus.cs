namespace BsgFunds.Domain.Contributions;

public enum ContributionStatus
{
    Pledged,
    Agreed,
    Received,
    Closed,
    Withdrawn,
}

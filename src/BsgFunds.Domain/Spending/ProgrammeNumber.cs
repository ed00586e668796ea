namespace BsgFunds.Domain.Spending;

public enum ProgrammeNumber
{
    StandardsMakingCapabilities = 1,
    ApplicationOfStandards = 2,
    HumanResourcesCapacityBuilding = 3,
}

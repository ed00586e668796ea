using BsgFunds.Domain.Contributions;

namespace BsgFunds.Domain.Spending;

public sealed record ApprovalRules(decimal BdtSignOffThresholdChf)
{
    public static readonly IReadOnlySet<UseOfFunds> CapacityBuilding = new HashSet<UseOfFunds> { UseOfFunds.Training, UseOfFunds.Fellowship,
        UseOfFunds.WorkshopsAndEvents };

    public bool NeedsBdtSignOff(AllocationRequested a) => CapacityBuilding.Contains(a.Use) || a.AmountChf >= BdtSignOffThresholdChf;
}

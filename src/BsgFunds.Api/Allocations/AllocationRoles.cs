
namespace BsgFunds.Api.Allocations;

public static class AllocationRoles
{
    public const string StaffAndAuditor = $"{Roles.FinanceOfficer},{Roles.ProgrammeOfficer},{Roles.TsbDirector},{Roles.BdtDirector},{Roles.Auditor}";

    /// <summary>The TSB Director, and staff who may hold a delegation (checked against the recorded delegation).</summary>
    public const string TsbOrDelegate = $"{Roles.TsbDirector},{Roles.FinanceOfficer},{Roles.ProgrammeOfficer},{Roles.BdtDirector}";
}

namespace BsgFunds.Domain.Security;

/// <summary>The roles of domain.md §5, as they appear in the <c>role</c> claim.</summary>
public static class Roles
{
    public const string FinanceOfficer = nameof(FinanceOfficer);
    public const string ProgrammeOfficer = nameof(ProgrammeOfficer);
    public const string TsbDirector = nameof(TsbDirector);
    public const string BdtDirector = nameof(BdtDirector);
    public const string Donor = nameof(Donor);
    public const string Auditor = nameof(Auditor);

    /// <summary>Every role that may sign in.</summary>
    public static readonly IReadOnlyList<string> All = [FinanceOfficer, ProgrammeOfficer, TsbDirector, BdtDirector, Donor, Auditor];

    /// <summary>Every signed-in role, as an <c>[Authorize(Roles = ...)]</c> list.</summary>
    public const string AnySignedIn = "FinanceOfficer,ProgrammeOfficer,TsbDirector,BdtDirector,Donor,Auditor";
}

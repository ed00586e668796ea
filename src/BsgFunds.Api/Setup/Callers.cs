using System.Security.Claims;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Security;

namespace BsgFunds.Api.Setup;

/// <summary>Who is calling: the acting person for decisions, and which donor record a Donor may see.</summary>
public static class Callers
{
    private static readonly string[] StaffRoles = [Roles.FinanceOfficer, Roles.ProgrammeOfficer, Roles.TsbDirector, Roles.BdtDirector, Roles.Auditor];

    public static Actor Actor(this ClaimsPrincipal user, TimeProvider clock) =>
        new(user.FindFirstValue(Claims.Subject) ?? throw new InvalidOperationException("A signed-in caller has a sub claim."), clock.GetUtcNow());

    /// <summary>True when the caller signs in only as a donor, so sees nothing but its own donor record.</summary>
    public static bool IsDonorOnly(this ClaimsPrincipal user) => user.IsInRole(Roles.Donor) && !StaffRoles.Any(user.IsInRole);

    public static Guid? DonorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Claims.DonorId), out var id) ? id : null;

    /// <summary>Whether the caller may see what belongs to this donor; a Donor sees only its own, and anything else answers 404.</summary>
    public static bool MaySeeDonor(this ClaimsPrincipal user, Guid donorId) => !user.IsDonorOnly() || user.DonorId() == donorId;
}

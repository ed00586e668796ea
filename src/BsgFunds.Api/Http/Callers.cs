using BsgFunds.Domain.Contributions;

namespace BsgFunds.Api.Http;

/// <summary>Who is calling: the acting person for decisions, and which donor record a Donor may see.</summary>
public static class Callers
{
    public static Actor Actor(this ClaimsPrincipal user, TimeProvider clock) =>
        new(user.FindFirstValue(Claims.Subject) ?? throw new InvalidOperationException("A signed-in caller has a sub claim."), clock.GetUtcNow());

    /// <summary>
    /// True when the caller signs in as a donor, so sees nothing but its own donor record. A token that also carries
    /// another role never gets this far (<see cref="RoleConflictMiddleware"/>), so the Donor role alone decides.
    /// </summary>
    public static bool IsDonor(this ClaimsPrincipal user) => user.IsInRole(Roles.Donor);

    /// <summary>domain.md §10: a person is either staff or a donor, never both.</summary>
    public static bool HasRoleConflict(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Donor) && Roles.All.Any(role => role != Roles.Donor && user.IsInRole(role));

    public static Guid? DonorId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Claims.DonorId), out var id) ? id : null;

    /// <summary>Whether the caller may see what belongs to this donor; a Donor sees only its own, and anything else answers 404.</summary>
    public static bool MaySeeDonor(this ClaimsPrincipal user, Guid donorId) => !user.IsDonor() || user.DonorId() == donorId;
}

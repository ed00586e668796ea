using BsgFunds.Api.Streams;
using BsgFunds.Domain.InKind;

namespace BsgFunds.Api.InKind;

public sealed record ReverseInKindContribution([property: Required] string? Reason);

public static class ReverseInKindContributionEndpoint
{
    public static ProblemDetails Validate(ReverseInKindContribution? command) => Inputs.ReasonOnly(command?.Reason, command is null);

    /// <summary>
    /// Reverses a contribution in kind recorded by mistake, dated today; nothing is edited, so a correct record is then
    /// recorded anew. A second reversal is 409.
    /// </summary>
    [WolverinePost("/api/in-kind/{id}/reversal", OperationId = "ReverseInKindContribution")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("InKind")]
    [ProducesResponseType(typeof(ProblemDetails), 409)]
    public static async Task<InKindView> Post(Guid id, ReverseInKindContribution command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var loaded = await Loaded.FetchAsync<InKindContribution>(session.CreateBatchQuery(), id, http,
            Refusal.NotFound("in-kind-not-found", $"No contribution in kind has the id {id}."));
        var reversed = InKindDecisions.Reverse(loaded.State, command.Reason!, loaded.Closed, user.Actor(clock)).OrRefuse();
        await StreamWrite.CommitAsync(session, loaded.Stream, [.. reversed], http);
        return InKindView.Of(InKindContribution.Apply(loaded.State, reversed[0]));
    }
}

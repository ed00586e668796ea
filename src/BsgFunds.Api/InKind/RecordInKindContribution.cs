using BsgFunds.Api.Streams;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.InKind;

namespace BsgFunds.Api.InKind;

/// <summary>
/// Goods or services a donor gave instead of cash, valued in CHF on a stated basis (e.g. "UN common system expert daily
/// rate x days"), delivered from <c>from</c> to <c>to</c>; optionally for one programme.
/// </summary>
public sealed record RecordInKindContribution(
    [property: Required] Guid? DonorId, [property: Required] InKindType? Kind, [property: Required] string? Description,
    [property: Required] decimal? ValueChf, [property: Required] DateOnly? From, [property: Required] DateOnly? To, int? Programme,
    [property: Required] string? ValuationBasis);

public static class RecordInKindContributionEndpoint
{
    public static ProblemDetails Validate(RecordInKindContribution? command)
    {
        if (command is null) return Problems.MissingBody("{ donorId, kind, description, valueChf, from, to, programme?, valuationBasis }");
        var inputs = new Inputs();
        inputs.Required(command.DonorId, "donorId", "the donor's id");
        inputs.Required(command.Kind, "kind", string.Join(", ", Enum.GetNames<InKindType>()));
        inputs.Text(command.Description, "description", 500);
        inputs.Required(command.ValueChf, "valueChf", "CHF, exact to the centime");
        inputs.Required(command.From, "from", "yyyy-MM-dd");
        inputs.Required(command.To, "to", "yyyy-MM-dd");
        inputs.Text(command.ValuationBasis, "valuationBasis", 500);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/in-kind", OperationId = "RecordInKindContribution")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("InKind")]
    public static async Task<Created> Post(RecordInKindContribution command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var batch = session.CreateBatchQuery();
        var closed = batch.ClosedYearsAsync();
        var donor = batch.Load<Donor>(command.DonorId!.Value);
        await batch.Execute();
        var recorded = InKindDecisions.Record(
                Guid.CreateVersion7(), await donor, command.Kind!.Value, command.Description!, command.ValueChf!.Value, command.From!.Value,
                command.To!.Value, command.Programme, command.ValuationBasis!, await closed, user.Actor(clock))
            .OrRefuse()[0];
        session.Events.StartStream<InKindContribution>(recorded.InKindId, recorded);
        return new Created(recorded.InKindId, $"/api/in-kind/{recorded.InKindId}");
    }
}

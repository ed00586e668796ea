using BsgFunds.Api.Allocations;
using BsgFunds.Api.Funding;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Disbursements;

/// <summary>A payment request against an approved allocation; a fellowship names the meeting, the type and the person.</summary>
public sealed record RequestDisbursement(
    [property: Required] decimal? AmountChf, [property: Required] DisbursementKind? Kind, [property: Required] PayeeInput? Payee,
    [property: Required] string? Purpose, MeetingInput? Meeting, FellowshipType? Fellowship);

public static class RequestDisbursementEndpoint
{
    public static ProblemDetails Validate(RequestDisbursement? command)
    {
        if (command is null)
            return Problems.MissingBody("{ amountChf, kind, payee: { name, personId?, countryCode, gender? }, purpose, meeting?, fellowship? }");
        var inputs = new Inputs();
        inputs.Required(command.AmountChf, "amountChf", "CHF");
        inputs.Required(command.Kind, "kind", string.Join(", ", Enum.GetNames<DisbursementKind>()));
        inputs.Text(command.Purpose, "purpose", 1000);
        if (command.Payee is null) inputs.Fail("payee", "'payee' ({ name, personId?, countryCode, gender? }) is required.");
        inputs.Text(command.Payee?.Name, "payee.name", 300);
        inputs.Text(command.Payee?.CountryCode, "payee.countryCode", 2);
        inputs.Text(command.Payee?.PersonId, "payee.personId", 100, required: command.Kind == DisbursementKind.Fellowship);
        if (command.Kind == DisbursementKind.Fellowship)
        {
            inputs.Required(command.Fellowship, "fellowship", "Full, Ticket or Allowance");
            inputs.Required(command.Payee?.Gender, "payee.gender", "recorded for the gender balance of fellowships");
            inputs.Text(command.Meeting?.Code, "meeting.code", 100);
            inputs.Required(command.Meeting?.StartsOn, "meeting.startsOn", "yyyy-MM-dd");
        }
        else if (command.Fellowship is not null)
        {
            inputs.Fail("fellowship", "'fellowship' belongs only to disbursements of kind Fellowship.");
        }

        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/allocations/{id}/disbursements", OperationId = "RequestDisbursement")]
    [Authorize(Roles = Roles.ProgrammeOfficer)]
    [Tags("Disbursements")]
    public static async Task<DisbursementCreated> Post(Guid id, RequestDisbursement command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        // Fellowship limits span all allocations: the lock keeps two requests from both taking the last place.
        var gate = await SpendingGate.EnterAsync(session);
        var loaded = await AllocationStreams.FetchAsync(gate.Reads, id, http);
        var p = command.Payee!;
        var payee = new Payee(p.Name!.Trim(), p.PersonId?.Trim(), p.CountryCode!.Trim(), p.Gender);
        var meeting = command.Meeting is { Code: not null, StartsOn: not null } m ? new Meeting(m.Code.Trim(), m.StartsOn.Value) : null;
        CountryCatalogue.TryFind(payee.CountryCode, out var country);
        var granted = command.Kind == DisbursementKind.Fellowship ? await GrantedFellowships(session, meeting!, payee) : [];
        var disbursementId = Guid.CreateVersion7();
        var decision = DisbursementDecisions.Request(loaded.State, disbursementId, command.AmountChf!.Value, command.Kind!.Value, payee,
            command.Purpose!.Trim(), meeting, command.Fellowship, country, granted, loaded.Closed, user.Actor(clock))
            .OrRefuse().Cast<object>().ToList();
        var changed = DisbursementStreams.Answer(loaded, disbursementId, decision, await gate.CommitAsync(loaded.Stream, decision, http));
        return new DisbursementCreated(disbursementId, changed.EventSequence, changed.Disbursement, $"/api/disbursements/{disbursementId}");
    }

    private static async Task<IReadOnlyList<GrantedFellowship>> GrantedFellowships(IQuerySession session, Meeting meeting, Payee payee)
    {
        var found = await session.Query<DisbursementIndex>()
            .Where(d => d.Kind == DisbursementKind.Fellowship && d.Status != DisbursementStatus.Cancelled
                        && ((d.MeetingCode == meeting.Code && d.CountryCode == payee.CountryCode)
                            || (d.PersonId == payee.PersonId && d.Year == meeting.StartsOn.Year)))
            .ToListAsync();
        return found.Select(d => new GrantedFellowship(d.Id, d.MeetingCode!, d.CountryCode, d.PersonId, d.Year, d.Fellowship!.Value)).ToList();
    }
}

using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.Api.Allocations;

/// <summary>A programme officer's request to spend CHF on one use of funds; contributionIds, when given, are the only contributions used.</summary>
public sealed record RequestAllocation(
    [property: Required] int? Year, [property: Required] int? Programme, [property: Required] UseOfFunds? Use, [property: Required] string? Title,
    [property: Required] decimal? AmountChf,
    IReadOnlyList<ItuRegion>? Regions, IReadOnlyList<string>? Countries, IReadOnlyList<Guid>? ContributionIds);

public static class RequestAllocationEndpoint
{
    public static ProblemDetails Validate(RequestAllocation? command)
    {
        if (command is null) return Problems.MissingBody("{ year, programme, use, title, amountChf, regions?, countries?, contributionIds? }");
        var inputs = new Inputs();
        inputs.Required(command.Year, "year", "the budget year");
        inputs.Required(command.Programme, "programme", "1, 2 or 3");
        inputs.Required(command.Use, "use", string.Join(", ", Enum.GetNames<UseOfFunds>()));
        inputs.Text(command.Title, "title", 300);
        inputs.Required(command.AmountChf, "amountChf", "CHF");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/allocations", OperationId = "RequestAllocation")]
    [Authorize(Roles = Roles.ProgrammeOfficer)]
    [Tags("Allocations")]
    public static async Task<Created> Post(RequestAllocation command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var closed = await session.ClosedYearsAsync();
        var requested = AllocationDecisions.Request(
                Guid.CreateVersion7(), command.Year!.Value, command.Programme!.Value, command.Use!.Value, command.Title!.Trim(),
                    command.AmountChf!.Value,
                command.Regions ?? [], command.Countries ?? [], command.ContributionIds ?? [], closed, user.Actor(clock))
            .OrRefuse()[0];
        session.Events.StartStream<Allocation>(requested.AllocationId, requested);
        return new Created(requested.AllocationId, $"/api/allocations/{requested.AllocationId}");
    }
}

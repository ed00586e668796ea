using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

public sealed record RegisterDonor([property: Required] string? Name, [property: Required] DonorType? Type, string? CountryCode);

public static class RegisterDonorEndpoint
{
    public static ProblemDetails Validate(RegisterDonor? command)
    {
        if (command is null) return Problems.MissingBody("{ name, type, countryCode? }");
        var inputs = new Inputs();
        inputs.Text(command.Name, "name", 200);
        inputs.Required(command.Type, "type", string.Join(", ", Enum.GetNames<DonorType>()));
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    [WolverinePost("/api/donors", OperationId = "RegisterDonor")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Donors")]
    public static Created Post(RegisterDonor command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock)
    {
        var actor = user.Actor(clock);
        var registered = DonorDecision.Register(Guid.CreateVersion7(), command.Name!, command.Type!.Value, command.CountryCode, actor.Subject,
            actor.Now).OrRefuse()[0];
        session.Events.StartStream<Donor>(registered.DonorId, registered);
        return new Created(registered.DonorId, $"/api/donors/{registered.DonorId}");
    }
}

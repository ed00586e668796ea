using BsgFunds.Domain.Donors;

namespace BsgFunds.Api.Donors;

/// <summary>A bank account the donor pays from, so that statement lines paid from it are matched to the donor.</summary>
public sealed record RegisterDonorBankAccount([property: Required] string? Iban, string? HolderName);

public static class RegisterDonorBankAccountEndpoint
{
    public static ProblemDetails Validate(RegisterDonorBankAccount? command)
    {
        if (command is null) return Problems.MissingBody("{ iban, holderName? }");
        var inputs = new Inputs();
        inputs.Text(command.Iban, "iban", 50);
        inputs.Text(command.HolderName, "holderName", 200, required: false);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>Registering an account the donor already has changes nothing and answers the donor as it is.</summary>
    [WolverinePost("/api/donors/{id}/bank-accounts", OperationId = "RegisterDonorBankAccount")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Donors")]
    public static async Task<DonorView> Post(Guid id, RegisterDonorBankAccount command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var stream = await session.Events.FetchForWriting<Donor>(id, http.RequestAborted);
        var donor = stream.Aggregate ?? throw new RefusedException(Refusal.NotFound("donor-not-found", $"No donor has the id {id}."));
        Preconditions.Check(http, stream.CurrentVersion ?? 0);
        var iban = Domain.BankStatements.Iban.Normalise(command.Iban);
        var holders = await session.Query<Donor>().Where(d => d.BankAccounts.Any(a => a.Iban == iban)).Select(d => d.Id)
            .ToListAsync(http.RequestAborted);
        var actor = user.Actor(clock);
        var events = DonorDecision.RegisterBankAccount(donor, command.Iban!, command.HolderName, holders, actor.Subject, actor.Now).OrRefuse();
        var version = (stream.CurrentVersion ?? 0) + events.Count;
        stream.AppendMany(events.Cast<object>().ToArray());
        await session.SaveChangesAsync(http.RequestAborted);
        Preconditions.SetETag(http, version);
        return DonorView.Of(events.Aggregate(donor, (d, e) => d.Apply(e)));
    }
}

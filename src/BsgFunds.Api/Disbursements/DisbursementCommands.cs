using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Allocations;
using BsgFunds.Api.Delegations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Setup;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Disbursements;

public static class CertifyDisbursementEndpoint
{
    /// <summary>A programme officer certifies that what is paid for was delivered.</summary>
    [WolverinePost("/api/disbursements/{id}/certify", OperationId = "CertifyDisbursement")]
    [Authorize(Roles = Roles.ProgrammeOfficer)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var stream = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, stream, id, DisbursementDecisions.Certify(stream.Aggregate!, id, user.Actor(clock)));
    }
}

public static class ApproveDisbursementEndpoint
{
    /// <summary>The TSB Director (or a delegate within the delegation) approves a certified disbursement; not the certifier, not the requester.</summary>
    [WolverinePost("/api/disbursements/{id}/approve", OperationId = "ApproveDisbursement")]
    [Authorize(Roles = AllocationRoles.TsbOrDelegate)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, HttpContext http)
    {
        var approver = await Approvers.AuthorisedAsync(session, user, clock);
        var stream = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, stream, id, DisbursementDecisions.Approve(stream.Aggregate!, id, approver,
            user.Actor(clock)));
    }
}

public sealed record PayDisbursement([property: Required] DateOnly? PaidOn, [property: Required] string? PaymentReference);

public static class PayDisbursementEndpoint
{
    public static ProblemDetails Validate(PayDisbursement? command)
    {
        if (command is null) return Problems.MissingBody("{ paidOn, paymentReference }");
        var inputs = new Inputs();
        inputs.Required(command.PaidOn, "paidOn", "yyyy-MM-dd");
        inputs.Text(command.PaymentReference, "paymentReference", 100);
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>The finance officer records the payment: commitment becomes expense, and cash goes out.</summary>
    [WolverinePost("/api/disbursements/{id}/pay", OperationId = "PayDisbursement")]
    [Authorize(Roles = Roles.FinanceOfficer)]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, PayDisbursement command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        await OpenPeriods.EnsureOpenAsync(session, command.PaidOn!.Value);
        var stream = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, stream, id,
            DisbursementDecisions.Pay(stream.Aggregate!, id, command.PaidOn!.Value, command.PaymentReference!.Trim(), user.Actor(clock)));
    }
}

public sealed record CancelDisbursement([property: Required] string? Reason);

public static class CancelDisbursementEndpoint
{
    public static ProblemDetails Validate(CancelDisbursement? command) => Inputs.ReasonOnly(command?.Reason, command is null);

    /// <summary>Cancels an unpaid disbursement; its amount is free again on the allocation.</summary>
    [WolverinePost("/api/disbursements/{id}/cancel", OperationId = "CancelDisbursement")]
    [Authorize(Roles = $"{Roles.ProgrammeOfficer},{Roles.TsbDirector}")]
    [Tags("Disbursements")]
    public static async Task<DisbursementChanged> Post(Guid id, CancelDisbursement command, IDocumentSession session, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http)
    {
        var stream = await DisbursementStreams.FetchAsync(session, id, http);
        return await DisbursementStreams.CommitAsync(session, stream, id, DisbursementDecisions.Cancel(stream.Aggregate!, id,
            command.Reason!.Trim(), user.Actor(clock)));
    }
}

public static class GetDisbursementEndpoint
{
    [WolverineGet("/api/disbursements/{id}", OperationId = "GetDisbursement")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Disbursements")]
    public static async Task<DisbursementView?> Get(Guid id, IQuerySession session)
    {
        var index = await session.LoadAsync<DisbursementIndex>(id);
        var allocation = index is null ? null : await session.LoadAsync<Allocation>(index.AllocationId);
        if (allocation?.Disbursement(id) is not { } d) return null;
        Preconditions.SetETag(null, (await session.Events.FetchStreamStateAsync(allocation.Id))?.Version ?? 0);
        return DisbursementView.Of(d);
    }
}

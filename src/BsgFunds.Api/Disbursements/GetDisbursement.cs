using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using BsgFunds.Api.Allocations;
using BsgFunds.Api.Delegations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.Http;
using BsgFunds.Domain.Security;
using BsgFunds.Domain.Spending;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Disbursements;

public static class GetDisbursementEndpoint
{
    [WolverineGet("/api/disbursements/{id}", OperationId = "GetDisbursement")]
    [Authorize(Roles = AllocationRoles.StaffAndAuditor)]
    [Tags("Disbursements")]
    public static async Task<DisbursementView?> Get(Guid id, IQuerySession session, HttpContext http)
    {
        var index = await session.LoadAsync<DisbursementIndex>(id);
        var allocation = index is null ? null : await session.LoadAsync<Allocation>(index.AllocationId);
        if (allocation?.Disbursement(id) is not { } d) return null;
        Preconditions.SetETag(http, (await session.Events.FetchStreamStateAsync(allocation.Id))?.Version ?? 0);
        return DisbursementView.Of(d);
    }
}

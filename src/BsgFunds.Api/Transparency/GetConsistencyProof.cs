namespace BsgFunds.Api.Transparency;

public static class GetConsistencyProofEndpoint
{
    public static ProblemDetails Validate(long? from, long? to)
    {
        var inputs = new Inputs();
        var first = inputs.Required(from, "from", "the earlier tree size");
        var second = inputs.Required(to, "to", "the later tree size");
        if (from is not null && first < 1) inputs.Fail("from", "'from' is a tree size, 1 or more.");
        if (from is not null && to is not null && second < first) inputs.Fail("to", "'to' is a tree size no smaller than 'from'.");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>The proof that the tree of 'to' leaves only appended to the tree of 'from' leaves (RFC 9162 2.1.4).</summary>
    [WolverineGet("/api/audit/proofs/consistency", OperationId = "GetConsistencyProof")]
    [Authorize(Roles = $"{Roles.Auditor},{Roles.FinanceOfficer}")]
    [Tags("Audit")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    public static async Task<ConsistencyProof> Get(long? from, long? to, IQuerySession session, CancellationToken ct)
    {
        await Proofs.ReachedAsync(session, to!.Value, "to", ct);
        return await Proofs.ConsistencyAsync(session, from!.Value, to.Value, ct);
    }
}

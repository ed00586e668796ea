namespace BsgFunds.Api.Transparency;

public static class GetInclusionProofEndpoint
{
    public static ProblemDetails Validate(long? sequence, long? treeSize)
    {
        var inputs = new Inputs();
        if (inputs.Required(sequence, "sequence", "the event's sequence") < 1)
            inputs.Fail("sequence", "'sequence' is an event's sequence, 1 or more.");
        if (treeSize is < 1) inputs.Fail("treeSize", "'treeSize' is a tree size, 1 or more.");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>
    /// The proof that the event at this sequence is in the tree of treeSize leaves (RFC 9162 2.1.3), by default the tree
    /// of the latest signed head. Verify it against that head's root hash.
    /// </summary>
    [WolverineGet("/api/audit/proofs/inclusion", OperationId = "GetInclusionProof")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    [ProducesResponseType(typeof(ProblemDetails), 404, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), 409, "application/problem+json")]
    public static async Task<InclusionProof> Get(long? sequence, long? treeSize, IQuerySession session, CancellationToken ct)
    {
        var leafIndex = await MerkleNodeTable.LeafIndexAsync(session, sequence!.Value, ct)
            ?? throw new RefusedException(Refusal.NotFound("event-not-in-log",
                $"No event with sequence {sequence} is in the log yet (an event joins it within seconds of being written)."));
        var size = treeSize ?? (await TreeHeads.LatestAsync(session, ct))?.TreeSize ?? 0;
        if (treeSize is not null) await Proofs.ReachedAsync(session, size, "treeSize", ct);
        if (leafIndex >= size)
            throw new RefusedException(Refusal.Conflict("event-not-in-tree",
                $"The event at sequence {sequence} is leaf {leafIndex}; the tree of {size} leaves does not hold it yet."));
        return await Proofs.InclusionAsync(session, sequence.Value, leafIndex, size, ct);
    }
}

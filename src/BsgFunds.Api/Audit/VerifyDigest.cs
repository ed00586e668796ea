
namespace BsgFunds.Api.Audit;

public sealed record VerifyDigest([property: Required] long? Sequence, [property: Required] string? Hash);

public static class VerifyDigestEndpoint
{
    public static ProblemDetails Validate(VerifyDigest? command)
    {
        if (command is null) return Problems.MissingBody("{ sequence, hash }");
        var inputs = new Inputs();
        if (inputs.Required(command.Sequence, "sequence", "the digest's sequence") < 0) inputs.Fail("sequence", "'sequence' is zero or more.");
        if (command.Hash is null || command.Hash.Length != 64 || !command.Hash.All(Uri.IsHexDigit)) inputs.Fail("hash",
            "'hash' is the digest's 64 hexadecimal digits.");
        return inputs.Valid ? WolverineContinue.NoProblems : Problems.Invalid(inputs.Errors);
    }

    /// <summary>Recomputes the chain from the stored events up to the digest's sequence: intact, or the first sequence that is not.</summary>
    [WolverinePost("/api/audit/verify", OperationId = "VerifyDigest")]
    [Authorize(Roles = Roles.Auditor)]
    [Tags("Audit")]
    public static async Task<Verification> Post(VerifyDigest command, IDocumentStore store, IQuerySession session)
    {
        await Freshness.WaitForAsync(store, "HashChainProjection");
        return await Chain.VerifyAsync(store, session, command.Sequence!.Value, command.Hash!.ToLowerInvariant());
    }
}

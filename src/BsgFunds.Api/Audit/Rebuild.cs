namespace BsgFunds.Api.Audit;

public sealed record Rebuild(long ThroughSequence, IReadOnlyList<ProjectionRebuilt> Projections);

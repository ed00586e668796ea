namespace BsgFunds.Api.Audit;

public sealed record ProjectionRebuilt(string Projection, long DurationMs);

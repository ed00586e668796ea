namespace BsgFunds.Api.Dev;

public sealed record DevToken(string Token);

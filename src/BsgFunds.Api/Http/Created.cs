
namespace BsgFunds.Api.Http;

/// <summary>The answer to a command that creates a record: 201, its id, and its address as Location.</summary>
public sealed record Created(Guid Id, string Url) : CreationResponse(Url);

using BsgFunds.Domain.Audit;

namespace BsgFunds.Api.Audit;

/// <summary>An event as exported to auditors: its stored form, verbatim, with its chain hash.</summary>
public sealed record ExportedEvent(ChainedEvent Event, Guid Id, string? Hash, string? PreviousHash);

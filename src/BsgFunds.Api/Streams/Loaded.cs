using BsgFunds.Domain.Audit;
using JasperFx.Events;

namespace BsgFunds.Api.Streams;

/// <summary>What a command on one stream decides with: the stream for writing, its state (it exists) and the closed years.</summary>
public sealed record Loaded<T>(IEventStream<T> Stream, T State, ClosedYears Closed)
    where T : class;

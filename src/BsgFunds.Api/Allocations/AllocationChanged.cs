using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Microsoft.Extensions.Options;

namespace BsgFunds.Api.Allocations;

/// <summary>What an allocation command answers: the allocation after it.</summary>
public sealed record AllocationChanged(long EventSequence, AllocationView Allocation);

using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using JasperFx.Events;

namespace BsgFunds.Api.Contributions;

/// <summary>What a contribution command answers: the event it wrote, its ledger sequence, and the contribution after it.</summary>
public sealed record ContributionChanged(Guid Id, long EventSequence, ContributionView Contribution);

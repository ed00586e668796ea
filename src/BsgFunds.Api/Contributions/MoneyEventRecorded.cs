namespace BsgFunds.Api.Contributions;

/// <summary>The same, as 201 Created for commands that add a money event (receipt, write-off, refund, reversal).</summary>
public sealed record MoneyEventRecorded(Guid Id, long EventSequence, ContributionView Contribution, string Url) : CreationResponse(Url);

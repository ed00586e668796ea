namespace BsgFunds.Api.Contributions;

/// <summary>An amendment of the agreement: the total it restated and its change from the terms before it.</summary>
public sealed record AmendmentView(string Reference, DateOnly SignedOn, string Reason, Money Amount, Money Change, decimal ChangeChf,
    DateTimeOffset RecordedAt);

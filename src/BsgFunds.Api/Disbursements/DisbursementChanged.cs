namespace BsgFunds.Api.Disbursements;

/// <summary>What a disbursement command answers: the disbursement after it and the event's ledger sequence.</summary>
public sealed record DisbursementChanged(long EventSequence, DisbursementView Disbursement);

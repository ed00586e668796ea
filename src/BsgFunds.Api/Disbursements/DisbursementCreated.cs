namespace BsgFunds.Api.Disbursements;

public sealed record DisbursementCreated(Guid Id, long EventSequence, DisbursementView Disbursement, string Url) : CreationResponse(Url);

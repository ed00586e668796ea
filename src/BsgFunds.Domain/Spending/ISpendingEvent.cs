namespace BsgFunds.Domain.Spending;

/// <summary>
/// An event that changes what contributions have available to spend, or pays money out: a final approval and the
/// commitments it makes, a closing and the commitments it releases, a refund, a reversal, a disbursement request
/// (which uses fellowship places) and a payment. Such events are appended only through the spending gate, under the
/// spending lock; the event store refuses to commit one that did not pass it.
/// </summary>
public interface ISpendingEvent : IFundEvent;

namespace BsgFunds.Domain;

/// <summary>
/// An event that moves money in the ledger: <see cref="Postings.For"/> gives its balanced postings (docs/ledger.md), and the
/// ledger projection posts every event that carries this marker. A test fails when such an event has no postings.
/// </summary>
public interface ILedgerEvent : IFundEvent;

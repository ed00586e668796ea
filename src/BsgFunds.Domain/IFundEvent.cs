namespace BsgFunds.Domain;

/// <summary>
/// A fact the fund records. The event store registers every type that carries this marker, and docs/events.md must
/// describe each of them (a test checks both), so a new event costs no registration of its own.
/// </summary>
public interface IFundEvent;

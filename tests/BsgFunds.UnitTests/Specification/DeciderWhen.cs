using BsgFunds.Domain;
using FluentAssertions;

namespace BsgFunds.UnitTests.Specification;

/// <summary>The decision taken on the given state, and what may be said of it.</summary>
public sealed class DeciderWhen<TState, TEvent> where TState : class
{
    private readonly Func<TState?, object, TState> evolve;
    private readonly TState? given;
    private readonly Decision<TEvent> decision;

    internal DeciderWhen(Func<TState?, object, TState> evolve, TState? given, Decision<TEvent> decision)
    {
        this.evolve = evolve;
        this.given = given;
        this.decision = decision;
    }

    /// <summary>Accepted, with exactly these events in this order, compared member by member.</summary>
    public DeciderWhen<TState, TEvent> Then(params TEvent[] expected)
    {
        Accepted().Should().BeEquivalentTo(expected, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        return this;
    }

    /// <summary>Accepted, and the events pass the check.</summary>
    public DeciderWhen<TState, TEvent> Then(Action<IReadOnlyList<TEvent>> check)
    {
        check(Accepted());
        return this;
    }

    /// <summary>Accepted, and the state the events fold to passes the check.</summary>
    public DeciderWhen<TState, TEvent> ThenState(Action<TState> check)
    {
        check(Accepted().Aggregate(given, (state, e) => evolve(state, e!))!);
        return this;
    }

    /// <summary>Accepted with nothing to record: the command changes nothing.</summary>
    public void ThenNothing() => Accepted().Should().BeEmpty();

    /// <summary>Refused with this code and nothing recorded; the refusal is returned for its kind, field and detail.</summary>
    public Refusal ThenRefused(string code)
    {
        decision.Refusal.Should().NotBeNull($"the decision should be refused with {code}");
        decision.Refusal!.Code.Should().Be(code);
        decision.Events.Should().BeEmpty("a refused decision records nothing");
        return decision.Refusal;
    }

    private IReadOnlyList<TEvent> Accepted()
    {
        decision.Refusal.Should().BeNull("the decision should be accepted, not refused with {0}", decision.Refusal?.Code);
        return decision.Events;
    }
}

using BsgFunds.Domain;
using FluentAssertions;

namespace BsgFunds.UnitTests.Specification;

/// <summary>What happened before the decision under test, and the state it folds to.</summary>
public sealed class DeciderGiven<TState> where TState : class
{
    private readonly Func<TState?, object, TState> evolve;
    private readonly object[] events;
    private readonly TState? start;

    internal DeciderGiven(Func<TState?, object, TState> evolve, object[] events, TState? start = null)
    {
        this.evolve = evolve;
        this.events = events;
        this.start = start;
        State = events.Aggregate(start, (state, e) => evolve(state, e));
    }

    /// <summary>The folded state; null while the stream has no events.</summary>
    public TState? State { get; }

    /// <summary>The history as events, to be given again, extended, or searched for an id a later decision needs.</summary>
    public object[] Events => [.. events];

    /// <summary>
    /// One more thing that happened, decided by the real rules on the state so far: histories are not typed by hand, so
    /// they hold only events the rules would write. A refusal here is a broken test, not a result.
    /// </summary>
    public DeciderGiven<TState> And<TEvent>(Func<TState, Decision<TEvent>> decide)
    {
        var decision = decide(State!);
        decision.Refusal.Should().BeNull("what is given must have been accepted, not refused with {0}", decision.Refusal?.Code);
        decision.Events.Should().NotBeEmpty("what is given must have happened");
        return new DeciderGiven<TState>(evolve, [.. events, .. decision.Events.Cast<object>()], start);
    }

    public DeciderWhen<TState, TEvent> When<TEvent>(Func<TState, Decision<TEvent>> decide) => new(evolve, State, decide(State!));
}

namespace BsgFunds.UnitTests.Specification;

/// <summary>
/// Given/when/then over one stream's pure decisions (the shape of Oskar Dudycz's DeciderSpecification): the events that
/// happened, folded as the projection folds them; the decision taken on that state; the events or the refusal it gave.
/// </summary>
/// <param name="evolve">The stream's fold: the state so far (null before the first event) and the next event give the next state.</param>
public sealed class DeciderSpecification<TState>(Func<TState?, object, TState> evolve) where TState : class
{
    /// <summary>The stream's history so far; no events at all is a stream that does not exist yet.</summary>
    public DeciderGiven<TState> Given(params object[] events) => new(evolve, events);

    /// <summary>A state that no decision would write today, such as a document stored by an older version.</summary>
    public DeciderGiven<TState> Given(TState state) => new(evolve, [], state);
}

using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.Domain.Spending;

namespace BsgFunds.UnitTests.Specification;

/// <summary>Each stream's specification, folding as its projection does: the first event creates the state, the others apply to it.</summary>
public static class Deciders
{
    public static DeciderSpecification<Contribution> Contribution { get; } = new(EvolveContribution);

    public static DeciderSpecification<Allocation> Allocation { get; } = new(EvolveAllocation);

    public static DeciderSpecification<MonthlyExchangeRates> ExchangeRates { get; } = new(EvolveExchangeRates);

    public static DeciderSpecification<LineItemBudget> Budget { get; } = new(EvolveBudget);

    /// <summary>A country as the catalogue ships it, with the classifications recorded since; given as that shipped state.</summary>
    public static DeciderSpecification<Country> Country { get; } = new(EvolveCountry);

    private static Contribution EvolveContribution(Contribution? state, object e) =>
        state is null ? Domain.Contributions.Contribution.Create((ContributionPledged)e) : ContributionFold.Apply(state, e);

    private static Allocation EvolveAllocation(Allocation? state, object e) =>
        state is null ? Domain.Spending.Allocation.Create((AllocationRequested)e) : AllocationFold.Apply(state, e);

    private static MonthlyExchangeRates EvolveExchangeRates(MonthlyExchangeRates? state, object e) =>
        state is null ? MonthlyExchangeRates.Create((ExchangeRateRecorded)e) : MonthlyExchangeRates.Apply(state, (ExchangeRateRecorded)e);

    private static LineItemBudget EvolveBudget(LineItemBudget? state, object e) =>
        state is null ? LineItemBudget.Create((BudgetPlanned)e) : state.Apply((BudgetPlanned)e);

    private static Country EvolveCountry(Country? state, object e) =>
        (state ?? throw new InvalidOperationException("Give the shipped country first.")).With([(CountryClassificationRecorded)e]);
}

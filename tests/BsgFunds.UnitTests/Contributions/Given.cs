using BsgFunds.Domain.Audit;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;

namespace BsgFunds.UnitTests.Contributions;

/// <summary>Builds contribution state from events, as the projection does.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    public static readonly Actor Officer = new("fo-1", Now);
    public static readonly Guid DonorId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid ContributionId = Guid.Parse("22222222-2222-2222-2222-222222222222");

    public static Donor Donor(DonorType type = DonorType.MemberState, string? country = "DE") => new(DonorId, "A donor", type, country, Now);

    public static MonthlyExchangeRates Rates(string month, params (string Currency, decimal Rate)[] rates)
    {
        var id = StreamIds.ExchangeRates(YearMonth.TryParse(month, out var m) ? m : throw new ArgumentException(month));
        return new MonthlyExchangeRates(id, month, rates.Select(r => new ExchangeRateRecorded(id, month, r.Currency, r.Rate, "UN", "fo-1",
            Now)).ToList());
    }

    public static Contribution Pledged(string currency = "USD", decimal amount = 100_000m, Earmark? earmark = null) =>
        Contribution.Create(ContributionDecisions.Pledge(ContributionId, Donor(), FundingSource.DevelopedCountryVoluntary,
            Money.Of(amount, currency), new DateOnly(2026, 1, 5), earmark ?? Earmark.Pooled, null, ClosedYears.None, Officer).Events.Single());

    public static Contribution Agreed(string currency = "USD", decimal amount = 100_000m, decimal rate = 0.9m, decimal psc = 7m,
        params string[] conditions) =>
        Then(Pledged(currency, amount), ContributionDecisions.SignAgreement(
            Pledged(currency, amount), "AGR-1", new DateOnly(2026, 1, 15), Money.Of(amount, currency), psc,
            [new Instalment(new DateOnly(2026, 3, 1), Money.Of(amount, currency))], null, conditions,
            Rates("2026-01", (currency, rate)), ClosedYears.None, Officer));

    public static Contribution Received(Contribution state, decimal amount, decimal rate, string bankReference = "BNK-1") =>
        Then(state, ContributionDecisions.RecordReceipt(state, Money.Of(amount, state.Currency), new DateOnly(2026, 3, 10), bankReference, null, null,
            Rates("2026-03", (state.Currency, rate)), [], ClosedYears.None, Officer));

    public static Contribution Then<T>(Contribution state, Decision<T> decision) where T : notnull
    {
        if (decision.Refusal is { } refusal) throw new InvalidOperationException($"Refused: {refusal.Code}: {refusal.Detail}");
        return decision.Events.Aggregate(state, (s, e) => ContributionFold.Apply(s, e));
    }
}

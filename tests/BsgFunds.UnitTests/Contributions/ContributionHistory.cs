using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.ExchangeRates;
using BsgFunds.UnitTests.Specification;

namespace BsgFunds.UnitTests.Contributions;

/// <summary>
/// A contribution's stream as the real decisions write it, step by step on the state the earlier steps fold to, and the
/// fixtures those decisions are taken with: one officer, one donor, one contribution, a clock that stands still.
/// </summary>
internal static class ContributionHistory
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

    /// <summary>Pledged on 5 January by a member state from developed-country voluntary funds.</summary>
    public static object[] Pledged(string currency = "USD", decimal amount = 100_000m, Earmark? earmark = null) =>
        Deciders.Contribution.Given().And(_ => ContributionDecisions.Pledge(ContributionId, Donor(), FundingSource.DevelopedCountryVoluntary,
            Money.Of(amount, currency), new DateOnly(2026, 1, 5), earmark ?? Earmark.Pooled, null, ClosedYears.None, Officer)).Events;

    /// <summary>Pledged, then its agreement signed (see <see cref="Sign"/>).</summary>
    public static object[] Agreed(string currency = "USD", decimal amount = 100_000m, decimal rate = 0.9m, decimal psc = 7m,
        params string[] conditions) =>
        Deciders.Contribution.Given(Pledged(currency, amount)).And(c => Sign(c, rate, psc, conditions)).Events;

    /// <summary>The history with one more receipt (see <see cref="Receive"/>).</summary>
    public static object[] Received(this object[] history, decimal amount, decimal rate, string bankReference = "BNK-1") =>
        Deciders.Contribution.Given(history).And(c => Receive(c, amount, rate, bankReference)).Events;

    public static object[] Satisfied(this object[] history, int number, DateOnly on, string evidence) =>
        Deciders.Contribution.Given(history)
            .And(c => ContributionDecisions.SatisfyCondition(c, number, on, evidence, ClosedYears.None, Officer)).Events;

    public static Contribution State(object[] history) => Deciders.Contribution.Given(history).State!;

    /// <summary>
    /// The revenue policy of the tests written for IPSAS 23 (deferral by conditions): IPSAS 47 from a date none of them reaches.
    /// The IPSAS 47 tests name <see cref="RevenuePolicy.Default"/>.
    /// </summary>
    public static readonly RevenuePolicy Ipsas23 = new(new DateOnly(2100, 1, 1));

    /// <summary>The agreement for the whole pledge, signed on 15 January at the month's rate, due in one instalment on 1 March.</summary>
    public static Decision<AgreementSigned> Sign(Contribution pledged, decimal rate = 0.9m, decimal psc = 7m, params string[] conditions) =>
        Sign(pledged, Ipsas23, null, rate, psc, conditions);

    public static Decision<AgreementSigned> Sign(Contribution pledged, RevenuePolicy policy, bool? complianceObligations, decimal rate = 0.9m,
        decimal psc = 7m, params string[] conditions) =>
        ContributionDecisions.SignAgreement(pledged, "AGR-1", new DateOnly(2026, 1, 15), pledged.Pledged, psc,
            [new Instalment(new DateOnly(2026, 3, 1), pledged.Pledged)], null, conditions, Rates("2026-01", (pledged.Pledged.Currency, rate)),
            ClosedYears.None, Officer, policy, complianceObligations);

    /// <summary>A receipt in the agreement's currency with value date 10 March, at the given rate for March.</summary>
    public static Decision<ContributionReceived> Receive(Contribution state, decimal amount, decimal rate, string bankReference = "BNK-1") =>
        ContributionDecisions.RecordReceipt(state, Money.Of(amount, state.Currency), new DateOnly(2026, 3, 10), bankReference, null, null,
            Rates("2026-03", (state.Currency, rate)), [], ClosedYears.None, Officer);
}

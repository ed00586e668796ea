using BsgFunds.Domain;
using BsgFunds.Domain.Audit;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Donors;
using BsgFunds.Domain.InKind;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.InKind;

public class InKindDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Officer = new("fo", Now);
    private static readonly Donor Japan = new(Guid.NewGuid(), "Japan", DonorType.MemberState, "JP", Now);
    private static readonly DateOnly May1 = new(2026, 5, 1);
    private static readonly DateOnly May5 = new(2026, 5, 5);

    private static Decision<InKindContributionRecorded> Record(
        InKindType kind = InKindType.Services, decimal valueChf = 12_600m, DateOnly? from = null, DateOnly? to = null, int? programme = 1,
        Donor? donor = null, ClosedYears? closed = null) =>
        InKindDecisions.Record(Guid.Parse("0190b7e0-0000-7000-8000-000000000001"), donor ?? Japan, kind, " Expert on IMT-2030 for a workshop ",
            valueChf, from ?? May1, to ?? May5, programme, "UN common system expert daily rate 2 520 x 5 days", closed ?? ClosedYears.None,
            Officer);

    [Fact]
    public void services_are_recorded_as_disclosed_and_goods_as_recognised_with_every_figure_the_statements_need()
    {
        Record().Events.Should().ContainSingle().Which.Should().Be(new InKindContributionRecorded(
            Guid.Parse("0190b7e0-0000-7000-8000-000000000001"), Japan.Id, InKindType.Services, "Expert on IMT-2030 for a workshop", 12_600m, May1,
            May5, 1, "UN common system expert daily rate 2 520 x 5 days", false, "fo", Now));
        Record(InKindType.Goods).Events[0].Recognised.Should().BeTrue();
    }

    [Theory]
    [InlineData(0, "amount-not-positive")]
    [InlineData(-5, "amount-not-positive")]
    [InlineData(10.005, "amount-too-precise")]
    [InlineData(1_000_000_000_000.01, "amount-too-large")]
    public void the_value_is_positive_exact_to_the_centime_and_at_most_ten_to_the_twelfth(decimal value, string code) =>
        Record(valueChf: value).Refusal!.Code.Should().Be(code);

    [Fact]
    public void the_upper_bound_itself_is_accepted() => Record(valueChf: 1_000_000_000_000m).Refusal.Should().BeNull();

    [Fact]
    public void dates_are_facts_in_order_and_in_an_open_year()
    {
        Record(to: new DateOnly(2026, 6, 11)).Refusal.Should().Be(Refusal.RuleBroken("date-in-future",
            "'to' is 2026-06-11, after today (2026-06-10 in Geneva): a fact cannot be dated in the future.", "to"));
        Record(from: new DateOnly(1999, 12, 31)).Refusal!.Code.Should().Be("date-out-of-range");
        Record(from: May5, to: May1).Refusal!.Should().Be(Refusal.Invalid("period-reversed", "'to' is on or after 'from'.", "to"));
        Record(from: May5, to: May5).Refusal.Should().BeNull();
        Record(closed: new ClosedYears(new HashSet<int> { 2026 })).Refusal!.Code.Should().Be("period-closed");
    }

    [Fact]
    public void the_donor_must_exist_and_the_programme_be_one_to_three()
    {
        InKindDecisions.Record(Guid.NewGuid(), null, InKindType.Goods, "d", 1m, May1, May5, null, "b", ClosedYears.None, Officer).Refusal!
            .Should().Be(Refusal.NotFound("donor-not-found", "No donor is registered with that donorId."));
        Record(programme: 4).Refusal!.Code.Should().Be("programme-invalid");
        Record(programme: null).Refusal.Should().BeNull();
    }

    [Fact]
    public void a_record_is_reversed_once_on_today_with_the_figures_it_takes_back()
    {
        var state = InKindContribution.Create(Record(InKindType.Goods).Events[0]);
        var later = new Actor("fo-2", Now.AddDays(3));
        var reversed = InKindDecisions.Reverse(state, " valued twice ", ClosedYears.None, later);
        reversed.Events.Should().ContainSingle().Which.Should().Be(new InKindContributionReversed(state.Id, Japan.Id, InKindType.Goods, 12_600m, 1,
            true, new DateOnly(2026, 6, 13), "valued twice", "fo-2", later.Now));
        var after = InKindContribution.Apply(state, reversed.Events[0]);
        (after.ReversedOn, after.ReversalReason).Should().Be((new DateOnly(2026, 6, 13), "valued twice"));
        InKindDecisions.Reverse(after, "again", ClosedYears.None, later).Refusal!.Code.Should().Be("in-kind-already-reversed");
    }
}

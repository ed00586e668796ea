using BsgFunds.Domain;
using BsgFunds.Domain.ReferenceData;
using BsgFunds.UnitTests.Specification;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.ReferenceData;

public class CountryClassificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static Country Shipped(string code) => CountryCatalogue.TryFind(code, out var c) ? c : throw new InvalidOperationException(code);

    [Fact]
    public void the_shipped_catalogue_has_every_un_member_with_a_region()
    {
        CountryCatalogue.All.Should().HaveCountGreaterThanOrEqualTo(193);
        Shipped("CH").Region.Should().Be(ItuRegion.Europe);
        Shipped("SN").Region.Should().Be(ItuRegion.Africa);
        Shipped("EG").Region.Should().Be(ItuRegion.ArabStates);
        Shipped("KZ").Region.Should().Be(ItuRegion.Cis);
        Shipped("BR").Region.Should().Be(ItuRegion.Americas);
        Shipped("FJ").Region.Should().Be(ItuRegion.AsiaPacific);
    }

    [Fact]
    public void graduation_is_read_by_date()
    {
        var bhutan = Shipped("BT");
        bhutan.IsMemberOn(CountryGroup.LDC, new DateOnly(2023, 12, 12)).Should().BeTrue();
        bhutan.IsMemberOn(CountryGroup.LDC, new DateOnly(2023, 12, 13)).Should().BeFalse("membership ends on the graduation date");
        bhutan.IsMemberOn(CountryGroup.LLDC, new DateOnly(2023, 12, 13)).Should().BeTrue();
    }

    [Fact]
    public void developed_countries_are_not_eligible_for_fellowships_and_developing_ones_are()
    {
        var day = new DateOnly(2026, 6, 1);
        Shipped("CH").IsEligibleForFellowshipsOn(day).Should().BeFalse();
        Shipped("DE").IsEligibleForFellowshipsOn(day).Should().BeFalse();
        Shipped("SN").IsEligibleForFellowshipsOn(day).Should().BeTrue();
        Shipped("UA").IsMemberOn(CountryGroup.EIT, day).Should().BeTrue();
        Shipped("TV").IsMemberOn(CountryGroup.SIDS, day).Should().BeTrue();
    }

    [Fact]
    public void a_recorded_period_replaces_the_overlapping_period_of_its_group() =>
        Deciders.Country.Given(Shipped("SB"))
            .When(_ => CountryClassificationDecision.Record("SB", CountryGroup.LDC, new DateOnly(1991, 1, 1), new DateOnly(2027, 12, 13),
                "GA resolution", "fo1", Now))
            .Then(events => events.Should().ContainSingle())
            .ThenState(solomon =>
            {
                solomon.Memberships.Where(m => m.Group == CountryGroup.LDC).Should().ContainSingle()
                    .Which.Should().Be(new Membership(CountryGroup.LDC, new DateOnly(1991, 1, 1), new DateOnly(2027, 12, 13)));
                solomon.IsMemberOn(CountryGroup.LDC, new DateOnly(2027, 12, 13)).Should().BeFalse();
                solomon.IsMemberOn(CountryGroup.SIDS, new DateOnly(2027, 12, 13)).Should().BeTrue("other groups are untouched");
            });

    [Fact]
    public void a_period_that_does_not_overlap_is_added_beside_the_old_one() =>
        Deciders.Country.Given(Shipped("BT"))
            .When(_ => CountryClassificationDecision.Record("BT", CountryGroup.LDC, new DateOnly(2030, 1, 1), null, null, "fo1", Now))
            .Then(events => events.Should().ContainSingle())
            .ThenState(bhutan =>
            {
                bhutan.Memberships.Count(m => m.Group == CountryGroup.LDC).Should().Be(2);
                bhutan.IsMemberOn(CountryGroup.LDC, new DateOnly(2025, 1, 1)).Should().BeFalse();
                bhutan.IsMemberOn(CountryGroup.LDC, new DateOnly(2031, 1, 1)).Should().BeTrue();
            });

    [Fact]
    public void an_unknown_country_is_not_found() =>
        Deciders.Country.Given()
            .When(_ => CountryClassificationDecision.Record("ZZ", CountryGroup.LDC, new DateOnly(2020, 1, 1), null, null, "fo1", Now))
            .ThenRefused("country-not-found").Kind.Should().Be(RefusalKind.NotFound);

    [Fact]
    public void a_period_must_end_after_it_starts() =>
        Deciders.Country.Given(Shipped("SN"))
            .When(_ => CountryClassificationDecision.Record("SN", CountryGroup.LDC, new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 1), null, "fo1",
                Now))
            .ThenRefused("classification-period-invalid").Should().BeEquivalentTo(new { Kind = RefusalKind.Invalid, Field = "to" });
}

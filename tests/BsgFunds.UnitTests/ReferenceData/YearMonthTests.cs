using BsgFunds.Domain;
using FluentAssertions;
using Xunit;

namespace BsgFunds.UnitTests.ReferenceData;

public class YearMonthTests
{
    [Theory]
    [InlineData("2026-01", true)]
    [InlineData("2026-12", true)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("2026-1", false)]
    [InlineData("26-01", false)]
    [InlineData("2026/01", false)]
    [InlineData("2026-01-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void months_are_written_yyyy_mm(string? text, bool valid)
    {
        YearMonth.TryParse(text, out var month).Should().Be(valid);
        if (valid) month.ToString().Should().Be(text);
    }

    [Fact]
    public void stream_ids_are_the_same_for_the_same_name_and_differ_otherwise()
    {
        StreamIds.Country("BD").Should().Be(StreamIds.Country("BD"));
        StreamIds.Country("BD").Should().NotBe(StreamIds.Country("NP"));
        StreamIds.Country("BD").ToString()[14].Should().Be('5', "a name-based id is UUID version 5");
    }
}

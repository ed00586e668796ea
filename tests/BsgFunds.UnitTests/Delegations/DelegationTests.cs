using BsgFunds.Domain.Spending;
using FluentAssertions;
using Xunit;

using static BsgFunds.UnitTests.Allocations.AllocationHistory;

namespace BsgFunds.UnitTests.Delegations;

public class DelegationTests
{
    [Theory]
    // is director, delegation limit, delegation ends (days from today), amount, expected role or refusal code
    [InlineData(true, null, null, 1_000_000, "TsbDirector")]
    [InlineData(false, null, null, 10, "approver-not-authorised")]
    [InlineData(false, 20_000.0, 0, 20_000, "TsbDelegate")]
    [InlineData(false, 20_000.0, 10, 20_000.01, "delegation-limit-exceeded")]
    [InlineData(false, 20_000.0, -1, 10, "delegation-expired")]
    public void approval_in_the_directors_name_follows_the_delegation(bool director, double? limit, int? endsInDays, double amount, string expected)
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var delegation = limit is null ? null : new DelegationGranted(Guid.NewGuid(), "deputy", (decimal)limit, today.AddDays(endsInDays!.Value),
            "tsb", Now);
        var (role, _, refusal) = new Approver("deputy", director, delegation).Authorise((decimal)amount, today);
        (refusal?.Code ?? role).Should().Be(expected);
    }
}

using BsgFunds.Domain;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace BsgFunds.IntegrationTests.Ledger;

/// <summary>A new event costs its postings and its documentation: these fail when either is missing.</summary>
public class PostingsTests
{
    public static TheoryData<string> EventTypes()
    {
        var types = new TheoryData<string>();
        foreach (var type in FundEvents.All) types.Add(type.FullName!);
        return types;
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void an_event_that_moves_money_in_the_ledger_has_postings_and_no_other_event_posts(string typeName)
    {
        var type = typeof(IFundEvent).Assembly.GetType(typeName)!;
        var postings = Postings.For(EventSamples.Of(type));

        if (typeof(ILedgerEvent).IsAssignableFrom(type))
        {
            // Whether they balance depends on figures a decision computed together (the unit tests' posting tests check that).
            postings.Should().NotBeEmpty($"{type.Name} is a ledger event: Postings.For must say what it posts");
        }
        else
        {
            postings.Should().BeEmpty($"{type.Name} posts, so it carries ILedgerEvent and the ledger projection takes it");
        }
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void every_event_is_in_the_event_catalogue_and_every_ledger_event_in_the_ledger_document(string typeName)
    {
        var type = typeof(IFundEvent).Assembly.GetType(typeName)!;
        File.ReadAllText(Path.Combine(Foundation.PlatformTests.RepoRoot(), "docs", "events.md")).Should().Contain($"`{type.Name}`");
        if (typeof(ILedgerEvent).IsAssignableFrom(type))
            File.ReadAllText(Path.Combine(Foundation.PlatformTests.RepoRoot(), "docs", "ledger.md")).Should().Contain($"`{type.Name}`");
    }

    [Fact]
    public void the_allocation_projection_names_every_allocation_event()
    {
        var named = typeof(Api.Allocations.AllocationProjection).GetMethods()
            .Where(m => m.IsStatic && m.Name is "Apply" or "Create")
            .Select(m => m.GetParameters()[0].ParameterType);
        FundEvents.Implementing<Domain.Spending.IAllocationEvent>().Should().BeSubsetOf(named,
            "Marten rebuilds the allocation projection from the event types it names");
    }
}

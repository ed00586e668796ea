using System.Reflection;
using System.Runtime.CompilerServices;
using BsgFunds.Api.Funding;
using BsgFunds.Domain;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using BsgFunds.IntegrationTests.Infrastructure;
using FluentAssertions;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;
using Xunit;

namespace BsgFunds.IntegrationTests.Funding;

/// <summary>The spending lock is a structure, not a habit: no endpoint and no session can move money without the gate.</summary>
public class SpendingGateTests(AppFixture app) : ApiTest(app)
{
    private static readonly Assembly Api = typeof(SpendingGate).Assembly;

    public static TheoryData<string> SpendingEventTypes()
    {
        var types = new TheoryData<string>();
        foreach (var type in typeof(ISpendingEvent).Assembly.GetTypes().Where(t => t.IsClass && typeof(ISpendingEvent).IsAssignableFrom(t)))
            types.Add(type.FullName!);
        return types;
    }

    [Theory]
    [MemberData(nameof(SpendingEventTypes))]
    public async Task a_spending_event_appended_without_the_gate_is_refused_and_nothing_is_written(string typeName)
    {
        var type = typeof(ISpendingEvent).Assembly.GetType(typeName)!;
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        // The stream exists first (its opening event moves no money), so that the inline projections have a document to fold onto.
        var streamId = Guid.NewGuid();
        await using (var opening = store.LightweightSession())
        {
            opening.Events.Append(streamId, typeof(IContributionEvent).IsAssignableFrom(type) ? EventSamples.Of(typeof(ContributionPledged))
                : EventSamples.Of(typeof(AllocationRequested)));
            await opening.SaveChangesAsync();
        }

        await using var session = store.LightweightSession();
        session.Events.Append(streamId, EventSamples.Of(type));
        var commit = () => session.SaveChangesAsync();

        (await commit.Should().ThrowAsync<InvalidOperationException>()).WithMessage($"*{type.Name}*SpendingGate*");
        await using var query = store.QuerySession();
        (await query.Events.FetchStreamAsync(streamId)).Should().ContainSingle("only the opening event was written");
    }

    [Fact]
    public void every_endpoint_whose_decision_moves_money_enters_the_spending_gate()
    {
        var endpoints = Api.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>().Any())
            .ToList();
        endpoints.Should().HaveCountGreaterThan(30, "the scan must see the API's endpoints");

        var moving = endpoints.Where(m => Calls(m).Any(MovesMoney)).ToList();
        var gated = endpoints.Where(m => Calls(m).Any(c => c.DeclaringType == typeof(SpendingGate) && c.Name == nameof(SpendingGate.EnterAsync)))
            .ToList();

        // The scan is not vacuous: it finds the commands known to move money.
        moving.Select(m => m.DeclaringType!.Name).Should().Contain(
        [
            "ApproveAllocationEndpoint", "SignOffAllocationEndpoint", "CloseAllocationEndpoint", "RefundContributionEndpoint",
            "ReverseMoneyEventEndpoint", "RequestDisbursementEndpoint", "PayDisbursementEndpoint",
        ]);
        moving.Except(gated).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Should().BeEmpty(
            "an endpoint that decides on spending events takes the spending lock through the SpendingGate");
    }

    // A decision moves money when its events may be spending events; a decision over several streams returns plain objects.
    private static bool MovesMoney(MethodBase method) =>
        method is MethodInfo { ReturnType: { IsGenericType: true } returns }
        && returns.GetGenericTypeDefinition() == typeof(Decision<>)
        && returns.GetGenericArguments()[0] is var events
        && (events == typeof(object) || typeof(ISpendingEvent).IsAssignableFrom(events));

    /// <summary>The methods a method calls, read from its IL (and its async state machine's), two levels into the API's own helpers.</summary>
    private static IEnumerable<MethodBase> Calls(MethodInfo method, int depth = 0)
    {
        var bodies = new List<MethodBase> { method };
        if (method.GetCustomAttribute<AsyncStateMachineAttribute>() is { } machine)
            bodies.Add(machine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic)!);
        foreach (var body in bodies)
        {
            foreach (var called in CallsIn(body))
            {
                yield return called;
                if (depth < 2 && called is MethodInfo helper && helper.DeclaringType?.Assembly == Api && helper.IsStatic)
                    foreach (var inner in Calls(helper, depth + 1)) yield return inner;
            }
        }
    }

    private static IEnumerable<MethodBase> CallsIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var found = new List<MethodBase>();
        for (var i = 0; i + 4 < il.Length; i++)
        {
            // call, callvirt and newobj take a method token; a wrong guess at an operand boundary fails to resolve and is skipped.
            if (il[i] is not (0x28 or 0x6F or 0x73)) continue;
            try
            {
                var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
                if (method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1), typeArgs, null) is { } called) found.Add(called);
            }
            catch (ArgumentException)
            {
            }
        }

        return found;
    }
}

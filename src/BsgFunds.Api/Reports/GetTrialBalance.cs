using System.Globalization;
using BsgFunds.Api.Setup;
using BsgFunds.Domain;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Security;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BsgFunds.Api.Reports;

public sealed record AccountLine(string Account, decimal DebitsChf, decimal CreditsChf, decimal BalanceChf, IReadOnlyDictionary<string,
    decimal> BalanceByCurrency);

/// <summary>A trial balance's CSV line: an account, with its balance per original currency as <c>EUR 100.00;USD -5.00</c>.</summary>
public sealed record TrialBalanceRow(string Account, decimal DebitsChf, decimal CreditsChf, decimal BalanceChf, string BalanceByCurrency);

public sealed record TrialBalanceView(
    DateTimeOffset AsOf, long LastSequence, IReadOnlyList<AccountLine> Accounts, decimal TotalDebitsChf, decimal TotalCreditsChf, bool Balanced)
    : IReport<TrialBalanceRow>
{
    public IEnumerable<TrialBalanceRow> Rows() =>
        Accounts.Select(a => new TrialBalanceRow(a.Account, a.DebitsChf, a.CreditsChf, a.BalanceChf, ByCurrency(a.BalanceByCurrency)));

    private static string ByCurrency(IReadOnlyDictionary<string, decimal> balances) => string.Join(
        ';', balances.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key} {b.Value.ToString(CultureInfo.InvariantCulture)}"));

    public static TrialBalanceView Of(TrialBalance balance, DateTimeOffset asOf) => new(
        asOf,
        balance.LastSequence,
        balance.Accounts.Values.OrderBy(a => a.Account, StringComparer.Ordinal)
            .Select(a => new AccountLine(a.Account, a.DebitsChf, a.CreditsChf, a.BalanceChf,
                a.OriginalByCurrency.Where(o => o.Value != 0).ToDictionary()))
            .ToList(),
        balance.TotalDebitsChf,
        balance.TotalCreditsChf,
        balance.TotalDebitsChf == balance.TotalCreditsChf);
}

public static class GetTrialBalanceEndpoint
{
    public static ProblemDetails Validate(string? asOf) =>
        asOf is null || TryParseInstant(asOf, out _)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("instant-malformed", "asOf",
                $"'{asOf}' is not an instant: write it ISO 8601 in UTC, e.g. 2026-11-30T12:00:00Z."));

    /// <summary>
    /// Balances per account in CHF (and per original currency). Without asOf: the present, from the ledger projection.
    /// With asOf: the ledger replayed up to that instant.
    /// </summary>
    [WolverineGet("/api/reports/trial-balance", OperationId = "GetTrialBalance")]
    [Authorize(Roles = $"{Roles.FinanceOfficer},{Roles.Auditor}")]
    [Tags("Reports")]
    [Produces("application/json", "text/csv")]
    [ProducesResponseType(typeof(TrialBalanceView), 200)]
    public static async Task<IResult> Get(string? asOf, IQuerySession session, TimeProvider clock, HttpContext context) =>
        ReportReading.Answer(context, await BalanceAsync(asOf, session, clock));

    private static async Task<TrialBalanceView> BalanceAsync(string? asOf, IQuerySession session, TimeProvider clock)
    {
        if (asOf is null)
        {
            await Freshness.WaitForAsync(session.DocumentStore, "LedgerBalances");
            var ledger = await session.LoadAsync<LedgerBalances>(LedgerBalances.LedgerId);
            return TrialBalanceView.Of(ledger?.Balance ?? TrialBalance.Empty, clock.GetUtcNow());
        }

        TryParseInstant(asOf, out var instant);
        return TrialBalanceView.Of(await LedgerReplay.AsOfAsync(session, instant), instant);
    }

    internal static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}

/// <summary>The trial balance as it stood at an instant, folded from the stored events with the same postings as the projection.</summary>
public static class LedgerReplay
{
    public static async Task<TrialBalance> AsOfAsync(IQuerySession session, DateTimeOffset instant, CancellationToken ct = default)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp <= instant)
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        return events.Aggregate(TrialBalance.Empty, (balance, e) => balance.Post(Postings.For(e.Data), e.Sequence));
    }
}

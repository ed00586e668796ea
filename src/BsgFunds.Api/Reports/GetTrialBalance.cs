using System.Globalization;

namespace BsgFunds.Api.Reports;

public static class GetTrialBalanceEndpoint
{
    public static ProblemDetails Validate(string? asOf) =>
        asOf is null || TryParseInstant(asOf, out _)
            ? WolverineContinue.NoProblems
            : Problems.From(Refusal.Invalid("instant-malformed", $"'{asOf}' is not an instant: write it ISO 8601 in UTC, e.g. 2026-11-30T12:00:00Z.",
                "asOf"));

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

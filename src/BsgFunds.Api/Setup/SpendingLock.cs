using Marten;

namespace BsgFunds.Api.Setup;

/// <summary>
/// Serialises every command that takes money out of contributions' available balances (final approvals,
/// refunds, reversals, disbursement requests) with one PostgreSQL advisory lock held until the transaction ends.
/// Inside it, available balances are read fresh and decided on; the stream versions checked at commit are the
/// second line of defence. docs/architecture.md explains the choice.
/// </summary>
public static class SpendingLock
{
    // An arbitrary constant that identifies "BSG money leaving available balances" among advisory locks.
    private const long Key = 0x4253_4746_554E_4431;

    public static async Task AcquireAsync(IDocumentSession session, CancellationToken ct = default)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>($"select 1 from pg_advisory_xact_lock({Key})", ct);
    }
}

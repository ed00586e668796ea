using System.Runtime.CompilerServices;
using BsgFunds.Api.Setup;
using BsgFunds.Api.Streams;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace BsgFunds.Api.Funding;

/// <summary>
/// The one path for money that leaves or returns to contributions' available balances, or is paid out: final approvals,
/// closings, refunds, reversals, disbursement requests and payments. Entering takes one PostgreSQL advisory lock, held
/// until the transaction ends (taken by the first reads, <see cref="Reads"/>), so balances read inside are decided on
/// with no other spending in between; the stream versions checked at commit are the second line of defence. The event
/// store refuses to commit a spending event (<see cref="ISpendingEvent"/>) from a session that did not enter
/// (<see cref="SpendingGuard"/>), so a new command cannot forget the lock. docs/architecture.md explains the choice.
/// </summary>
public sealed class SpendingGate
{
    // An arbitrary constant that identifies "BSG money leaving available balances" among advisory locks.
    private const long LockKey = 0x4253_4746_554E_4431;

    private static readonly ConditionalWeakTable<IDocumentSession, SpendingGate> Entered = [];

    private readonly IDocumentSession session;
    private readonly Task<IReadOnlyList<string>> locked;

    private SpendingGate(IDocumentSession session)
    {
        this.session = session;
        Reads = session.CreateBatchQuery();
        locked = Reads.Query<string>($"select 'locked' from pg_advisory_xact_lock({LockKey})");
    }

    /// <summary>
    /// The first reads inside the gate. The lock is the batch's first statement, so the reads after it (each with its own
    /// snapshot, taken once the lock is granted) see every spending committed before: taking the lock costs no round trip.
    /// </summary>
    public IBatchedQuery Reads { get; }

    public static async Task<SpendingGate> EnterAsync(IDocumentSession session, CancellationToken ct = default)
    {
        await session.BeginTransactionAsync(ct);
        var gate = new SpendingGate(session);
        Entered.AddOrUpdate(session, gate);
        return gate;
    }

    /// <summary>Whether this session holds the spending lock: it entered the gate and ran its first reads.</summary>
    public static bool Holds(IDocumentSession session) => Entered.TryGetValue(session, out var gate) && gate.locked.IsCompletedSuccessfully;

    /// <summary>
    /// The contributions that could fund an allocation: agreed, with money available or named by the request, as the
    /// contribution projection keeps them (<see cref="Contribution.AvailableChf"/>, <see cref="Contribution.OldestReceiptOn"/>).
    /// Only the few fields the funding rule needs travel, not the documents (whose receipt days grow): this runs under the
    /// lock, the serial part of every final approval. It reads the stored figures and derives none of them. Raw SQL, not LINQ:
    /// the LINQ form of the same query measured at about half the approvals' rate (docs/performance.md).
    /// </summary>
    public async Task<IReadOnlyList<FundingCandidate>> FundingCandidatesAsync(IReadOnlyList<Guid> named, CancellationToken ct = default) =>
        await session.QueryAsync<FundingCandidate>(CandidatesSql, ct, named.ToArray());

    private static readonly string CandidatesSql = $"""
        select jsonb_build_object('ContributionId', d.id, 'DonorId', d.data->'DonorId', 'Earmark', d.data->'Earmark',
            'AvailableChf', d.data->'AvailableChf', 'OldestReceiptOn', d.data->'OldestReceiptOn',
            'Obligations', d.data->'Obligations')
        from {MartenSetup.Schema}.mt_doc_contribution d
        where jsonb_typeof(d.data->'Agreement') = 'object' and ((d.data->>'AvailableChf')::numeric > 0 or d.id = any(?))
        """;

    /// <summary>Appends a decision's events to every stream it names and commits them (<see cref="StreamWrite"/>).</summary>
    public Task<Written> CommitAsync<T>(IEventStream<T> stream, IReadOnlyList<object> events, HttpContext http, CancellationToken ct = default)
        where T : class =>
        StreamWrite.CommitAsync(session, stream, events, http, ct);
}

using BsgFunds.Api.Allocations;
using BsgFunds.Api.Audit;
using BsgFunds.Api.BankStatements;
using BsgFunds.Api.Contributions;
using BsgFunds.Api.Donors;
using BsgFunds.Api.Funding;
using BsgFunds.Api.InKind;
using BsgFunds.Api.ReferenceData;
using BsgFunds.Api.Reports;
using BsgFunds.Api.Transparency;
using BsgFunds.Domain.Contributions;
using BsgFunds.Domain.Reports;
using BsgFunds.Domain.Spending;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Weasel.Core;
using Wolverine.Marten;

namespace BsgFunds.Api.Setup;

public static class MartenSetup
{
    public const string Schema = "bsgfunds";

    /// <summary>
    /// Every event type BsgFunds writes: each type that carries <see cref="IFundEvent"/>. docs/events.md must describe each
    /// (a test checks it), so a new event is registered by its marker alone.
    /// </summary>
    public static readonly IReadOnlyList<Type> EventTypes = FundEvents.All;

    public static WebApplicationBuilder AddBsgMarten(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marten");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No PostgreSQL connection string: set ConnectionStrings:Marten (environment variable ConnectionStrings__Marten), " +
                "or start the API with deploy/run-api.sh, which starts a private cluster.");
        }

        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(ReliabilitySetup.WithTimeouts(connectionString));
                opts.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);

                opts.Events.StreamIdentity = StreamIdentity.AsGuid;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                opts.Events.MetadataConfig.CausationIdEnabled = true;
                opts.Events.MetadataConfig.HeadersEnabled = true;
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.AddEventTypes(EventTypes);
                opts.Listeners.Add(new SpendingGuard());

                // A ledger must never skip an event silently: an error pauses the projection, and /health/ready says so.
                opts.Projections.Errors.SkipApplyErrors = false;
                opts.Projections.Errors.SkipSerializationErrors = false;
                opts.Projections.Errors.SkipUnknownEvents = false;
                opts.Projections.RebuildErrors.SkipApplyErrors = false;
                opts.Projections.RebuildErrors.SkipSerializationErrors = false;
                opts.Projections.RebuildErrors.SkipUnknownEvents = false;

                opts.Projections.Add<MonthlyExchangeRatesProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<CountryClassificationHistoryProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DonorProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<ContributionProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<BudgetProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DelegationProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<AllocationProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<DisbursementIndexProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<InKindProjection>(ProjectionLifecycle.Inline);
                // One document for the whole ledger: large batches rewrite it less often (catch-up and rebuild).
                opts.Projections.Add<LedgerBalancesProjection>(ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 5000);
                // Larger batches: each batch rewrites the book once, and chains in one read of the stored events.
                opts.Projections.Add(new ReportBookProjection(), ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 5000);
                opts.Projections.Add(new HashChainProjection(), ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 2000);
                // The transparency log's tree (docs/audit.md): one writer in sequence order, beside the chain.
                opts.Projections.Add(new MerkleTreeProjection(), ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 2000);
                opts.Projections.Add<PeriodProjection>(ProjectionLifecycle.Inline);
                opts.Projections.Add<BankStatementProjection>(ProjectionLifecycle.Inline);
                opts.Storage.ExtendedSchemaObjects.Add(MoneyEntryTable.Definition());
                opts.Storage.ExtendedSchemaObjects.Add(MerkleNodeTable.Definition());
                opts.Schema.For<PublishedTreeHead>().Identity(h => h.Id);
                opts.Schema.For<SigningKeyRecord>().Identity(k => k.Id);
                opts.Schema.For<ChainLink>().Identity(l => l.Id);
                opts.Schema.For<ReportBook>().Index(b => b.LastSequence);
                opts.Schema.For<Delegation>().Index(d => d.DelegateSub);
                opts.Schema.For<DisbursementIndex>().Index(d => d.MeetingCode).Index(d => d.PersonId);
                opts.Schema.For<Contribution>().Index(c => c.DonorId);
                opts.Schema.For<Domain.InKind.InKindContribution>().Index(c => c.DonorId);
            })
            .UseLightweightSessions();

        // In a cluster Wolverine runs each async projection on exactly one node and moves it when that node dies
        // (docs/operations.md); Marten's own daemon coordination must then stay off.
        if (ClusterOptions.IsOn(builder)) marten.IntegrateWithWolverine(w => w.UseWolverineManagedEventSubscriptionDistribution = true);
        // Projections:Daemon=Disabled leaves the async projections to another process (used to measure the command path
        // on its own; docs/performance.md). A node that serves reports must run them.
        else marten.IntegrateWithWolverine().AddAsyncDaemon(DaemonModeOf(builder));

        // Elsewhere the schema is applied by an operator with `dotnet run -- db-apply` before the release starts.
        if (builder.Environment.IsDevelopment()) marten.ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddSingleton<LocalDaemon>();
        builder.Services.AddSingleton<TreeHeadSigningKey>();

        // Registered after Marten so that it runs once the event table exists.
        builder.Services.AddHostedService<AppendOnlyEvents>();
        builder.Services.AddHostedService<TreeHeadPublisher>();

        return builder;
    }

    private static DaemonMode DaemonModeOf(WebApplicationBuilder builder) =>
        builder.Configuration["Projections:Daemon"] == "Disabled" ? DaemonMode.Disabled : DaemonMode.Solo;
}

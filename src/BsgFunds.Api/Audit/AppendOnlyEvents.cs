using BsgFunds.Api.Setup;
using Npgsql;

namespace BsgFunds.Api.Audit;

/// <summary>
/// The event table is append-only, enforced by PostgreSQL itself: a trigger refuses every UPDATE and DELETE of an
/// event, whoever the caller (superusers included: they would have to disable the trigger, an act the server log
/// records and the hash chain exposes). The application's role, when one is named, also loses UPDATE, DELETE and
/// TRUNCATE on the table. The trigger must follow the table, so it is installed once Marten's schema exists: at
/// start where the application applies the schema (Development), or by the owner with deploy/sql/append-only.sql
/// right after `db-apply` elsewhere (docs/audit.md).
/// </summary>
public sealed class AppendOnlyEvents(IDocumentStore store, IConfiguration configuration, IHostEnvironment environment,
    ILogger<AppendOnlyEvents> logger) : IHostedService
{
    public const string AppRoleSetting = "Database:ApplicationRole";

    public static string Sql(string? applicationRole)
    {
        var schema = MartenSetup.Schema;
        var sql = $$"""
            CREATE OR REPLACE FUNCTION {{schema}}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              RAISE EXCEPTION 'BsgFunds events are append-only: % of event % refused', TG_OP, OLD.seq_id
                USING ERRCODE = 'insufficient_privilege', HINT = 'Correct a mistake with a new, reversing event.';
            END;
            $f$;
            DROP TRIGGER IF EXISTS mt_events_append_only ON {{schema}}.mt_events;
            CREATE TRIGGER mt_events_append_only BEFORE UPDATE OR DELETE ON {{schema}}.mt_events
              FOR EACH ROW EXECUTE FUNCTION {{schema}}.refuse_event_change();
            -- Serves the bank-reference check of every receipt (ContributionStreams.ReceiptsWithBankReferenceAsync).
            CREATE INDEX IF NOT EXISTS mt_events_receipt_bank_reference ON {{schema}}.mt_events (stream_id, (data->>'BankReference'))
              WHERE type = 'contribution_received';
            -- Serves the check that a month's rate has valued money events (RecordExchangeRate: rate-in-use).
            CREATE INDEX IF NOT EXISTS mt_events_rate_month ON {{schema}}.mt_events ((data->>'RateMonth'), (data->'Amount'->>'Currency'))
              WHERE type IN ('agreement_signed', 'contribution_received');
            """;
        if (!string.IsNullOrWhiteSpace(applicationRole))
        {
            sql += $$"""

                GRANT USAGE ON SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {{schema}} TO "{{applicationRole}}";
                REVOKE UPDATE, DELETE, TRUNCATE ON {{schema}}.mt_events FROM "{{applicationRole}}";
                """;
        }

        return sql;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !configuration.GetValue<bool>("Database:InstallAppendOnlyOnStart")) return;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql(configuration[AppRoleSetting]), connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is "42501")
        {
            logger.LogWarning(
                "The append-only trigger could not be installed by this role ({Message}); the schema owner runs deploy/sql/append-only.sql.",
                e.MessageText);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using BsgFunds.Api.Setup;
using Marten;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Triggers;

namespace BsgFunds.Api.Audit;

/// <summary>
/// The event table is append-only, enforced by PostgreSQL itself: a trigger refuses every UPDATE and DELETE of an
/// event, whoever the caller (superusers included: they would have to disable the trigger, an act that leaves its
/// own trace in the server log). The application's role, when one is configured, also has no UPDATE, DELETE or
/// TRUNCATE privilege on it. Both are part of the Marten schema, so `db-apply` creates them with everything else.
/// </summary>
public static class AppendOnlyEvents
{
    public const string AppRoleSetting = "Database:ApplicationRole";

    private static DbObjectName Name(string qualified) => PostgresqlProvider.Instance.Parse(qualified);

    public static void Apply(StoreOptions opts, string? applicationRole)
    {
        var schema = MartenSetup.Schema;
        var function = Name($"{schema}.refuse_event_change");
        opts.Storage.ExtendedSchemaObjects.Add(new Function(function, $$"""
            CREATE OR REPLACE FUNCTION {{schema}}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              RAISE EXCEPTION 'BsgFunds events are append-only: % of event % refused', TG_OP, OLD.seq_id
                USING ERRCODE = 'insufficient_privilege', HINT = 'Correct a mistake with a new, reversing event.';
            END;
            $f$;
            """));
        opts.Storage.ExtendedSchemaObjects.Add(new Trigger(
            Name($"{schema}.mt_events_append_only"), Name($"{schema}.mt_events"), $"{schema}.refuse_event_change()")
        {
            Events = TriggerEvents.Update | TriggerEvents.Delete,
            Timing = TriggerTiming.Before,
            ForEachRow = true,
        });

        if (!string.IsNullOrWhiteSpace(applicationRole))
        {
            // Function bodies run any SQL: here, the privileges of the role the application connects as.
            opts.Storage.ExtendedSchemaObjects.Add(new Function(Name($"{schema}.grant_application_role"), $$"""
                CREATE OR REPLACE FUNCTION {{schema}}.grant_application_role() RETURNS void LANGUAGE sql AS $f$ SELECT 1 $f$;
                GRANT USAGE ON SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {{schema}} TO "{{applicationRole}}";
                GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA {{schema}} TO "{{applicationRole}}";
                REVOKE UPDATE, DELETE, TRUNCATE ON {{schema}}.mt_events FROM "{{applicationRole}}";
                """));
        }
    }
}

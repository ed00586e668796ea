-- BsgFunds: the event table is append-only. Run as the schema owner right after
--   dotnet run --project src/BsgFunds.Api -- db-apply
-- e.g. psql "$OWNER_CONNECTION" -v app_role=bsgfunds_app -f deploy/sql/append-only.sql
-- (In Development the API installs the same at start; src/BsgFunds.Api/Audit/AppendOnlyEvents.cs is the reference.)
CREATE OR REPLACE FUNCTION bsgfunds.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'BsgFunds events are append-only: % of event % refused', TG_OP, OLD.seq_id
    USING ERRCODE = 'insufficient_privilege', HINT = 'Correct a mistake with a new, reversing event.';
END;
$f$;
DROP TRIGGER IF EXISTS mt_events_append_only ON bsgfunds.mt_events;
CREATE TRIGGER mt_events_append_only BEFORE UPDATE OR DELETE ON bsgfunds.mt_events
  FOR EACH ROW EXECUTE FUNCTION bsgfunds.refuse_event_change();
-- Serves the bank-reference check of every receipt (ContributionStreams.ReceiptsWithBankReferenceAsync).
CREATE INDEX IF NOT EXISTS mt_events_receipt_bank_reference ON bsgfunds.mt_events (stream_id, (data->>'BankReference'))
  WHERE type = 'contribution_received';
-- Serves the check that a month's rate has valued money events (RecordExchangeRate: rate-in-use).
CREATE INDEX IF NOT EXISTS mt_events_rate_month ON bsgfunds.mt_events ((data->>'RateMonth'), (data->'Amount'->>'Currency'))
  WHERE type IN ('agreement_signed', 'contribution_received');

\if :{?app_role}
GRANT USAGE ON SCHEMA bsgfunds TO :"app_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA bsgfunds TO :"app_role";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA bsgfunds TO :"app_role";
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA bsgfunds TO :"app_role";
REVOKE UPDATE, DELETE, TRUNCATE ON bsgfunds.mt_events FROM :"app_role";
\endif

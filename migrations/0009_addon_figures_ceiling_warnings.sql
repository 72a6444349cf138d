-- Quarterly add-on figures (ADD §5) and the provider-reported ceiling early warning (MSZ §4).
--
-- addon_figure_uploads: every upload of a provider's quarterly realisation and prognosis file, kept
-- whether it was accepted or rejected (a rejected Q2 file makes the Q2 status `incorrect` until a
-- correct one arrives), with its SHA-256 so the same file twice stores nothing the second time, and
-- whether it arrived in time (the receipt's day in Europe/Amsterdam against the quarter's deadline
-- from the policy). addon_figure_rows: the figures of an accepted upload, one row per add-on drug.
-- Both are append-only: a correction is a new upload.
--
-- ceiling_warnings: a provider user reports that its plafond threatens to be exceeded (expected
-- revenue, the specialisms concerned, an explanation); purchasers acknowledge and close it with a
-- note. The reported fields never change; the status only moves forward.
--
-- Provider-scoped with FORCE row-level security (app_can_see): a provider user reads and writes only
-- its own AGB.

CREATE TABLE addon_figure_uploads (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb                  char(8) NOT NULL REFERENCES providers (agb),
  year                 integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter              smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  policy_id            text NOT NULL,
  received_at          timestamptz NOT NULL,
  -- The receipt's calendar day in the policy's time zone, and the deadline it was held against.
  received_on          date NOT NULL,
  deadline             date NOT NULL,
  in_time              boolean NOT NULL,
  file_name            text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  format               text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  sha256               char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by          text NOT NULL CHECK (length(uploaded_by) BETWEEN 1 AND 254),
  uploaded_by_user_id  bigint REFERENCES users (id),
  status               text NOT NULL CHECK (status IN ('accepted', 'rejected')),
  row_count            integer NOT NULL CHECK (row_count >= 0),
  realisation_cents    bigint NOT NULL CHECK (realisation_cents >= 0),
  prognosis_cents      bigint NOT NULL CHECK (prognosis_cents >= 0),
  -- The validation issues of a rejected file (line, field, message), never figures or patient data.
  issues               jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(issues) = 'array'),
  -- Idempotent by content: the same bytes for the same provider, year and quarter are stored once.
  UNIQUE (agb, year, quarter, sha256),
  UNIQUE (id, agb, year, quarter),
  CHECK (status = 'accepted' OR (row_count = 0 AND realisation_cents = 0 AND prognosis_cents = 0)),
  CHECK (status = 'rejected' OR (row_count > 0 AND jsonb_array_length(issues) = 0)),
  CHECK (status = 'accepted' OR jsonb_array_length(issues) > 0)
);
CREATE INDEX addon_figure_uploads_provider ON addon_figure_uploads (agb, year, quarter, received_at);

CREATE TABLE addon_figure_rows (
  upload_id          bigint NOT NULL,
  agb                char(8) NOT NULL,
  year               integer NOT NULL,
  quarter            smallint NOT NULL,
  line               integer NOT NULL CHECK (line >= 2),
  zi_number          char(8) NOT NULL REFERENCES addon_drugs (zi_number),
  patients           integer NOT NULL CHECK (patients >= 0),
  realisation_cents  bigint NOT NULL CHECK (realisation_cents >= 0),
  prognosis_cents    bigint NOT NULL CHECK (prognosis_cents >= 0),
  PRIMARY KEY (upload_id, zi_number),
  UNIQUE (upload_id, line),
  FOREIGN KEY (upload_id, agb, year, quarter) REFERENCES addon_figure_uploads (id, agb, year, quarter)
);

-- Figures belong to an accepted upload only.
CREATE FUNCTION addon_figure_rows_accepted_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM addon_figure_uploads u WHERE u.id = NEW.upload_id AND u.status = 'accepted') THEN
    RAISE EXCEPTION 'addon_figure_rows: upload % is not accepted', NEW.upload_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER addon_figure_rows_accepted BEFORE INSERT ON addon_figure_rows FOR EACH ROW EXECUTE FUNCTION addon_figure_rows_accepted_only();
-- contracting_refuse_change() is the append-only guard of migration 0006.
CREATE TRIGGER addon_figure_uploads_no_change BEFORE UPDATE OR DELETE ON addon_figure_uploads FOR EACH ROW EXECUTE FUNCTION contracting_refuse_change();
CREATE TRIGGER addon_figure_rows_no_change BEFORE UPDATE OR DELETE ON addon_figure_rows FOR EACH ROW EXECUTE FUNCTION contracting_refuse_change();

CREATE TABLE ceiling_warnings (
  id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb                     char(8) NOT NULL REFERENCES providers (agb),
  year                    integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  policy_id               text NOT NULL,
  -- The plafond when the warning was reported (the proposal's financial amount, MSZ §4).
  ceiling_cents           bigint NOT NULL CHECK (ceiling_cents > 0),
  expected_revenue_cents  bigint NOT NULL CHECK (expected_revenue_cents > 0),
  specialisms             text[] NOT NULL CHECK (cardinality(specialisms) BETWEEN 1 AND 40),
  explanation             text NOT NULL CHECK (length(btrim(explanation)) BETWEEN 10 AND 5000),
  reported_by             bigint REFERENCES users (id),
  reported_by_email       text NOT NULL CHECK (length(reported_by_email) BETWEEN 1 AND 254),
  reported_at             timestamptz NOT NULL,
  status                  text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'closed')),
  acknowledged_by         text,
  acknowledged_at         timestamptz,
  acknowledgement_note    text CHECK (acknowledgement_note IS NULL OR length(btrim(acknowledgement_note)) BETWEEN 1 AND 2000),
  closed_by               text,
  closed_at               timestamptz,
  closing_note            text CHECK (closing_note IS NULL OR length(btrim(closing_note)) BETWEEN 1 AND 2000),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL) AND (acknowledged_at IS NULL) = (acknowledgement_note IS NULL)),
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closing_note IS NULL)),
  CHECK ((status = 'open') = (acknowledged_at IS NULL AND closed_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (array_position(specialisms, NULL) IS NULL)
);
CREATE INDEX ceiling_warnings_year ON ceiling_warnings (year, status, reported_at);
CREATE INDEX ceiling_warnings_provider ON ceiling_warnings (agb, year);

-- What the provider reported stays as reported; the status moves open → acknowledged → closed
-- (or open → closed), and what was noted on the way stays too.
CREATE FUNCTION ceiling_warnings_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  handling text[] := ARRAY['status', 'acknowledged_by', 'acknowledged_at', 'acknowledgement_note', 'closed_by', 'closed_at', 'closing_note'];
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'ceiling_warnings: delete refused' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW) - handling) IS DISTINCT FROM (to_jsonb(OLD) - handling) THEN
    RAISE EXCEPTION 'ceiling_warnings: the reported warning does not change' USING ERRCODE = 'check_violation';
  END IF;
  IF NOT ((OLD.status = 'open' AND NEW.status IN ('acknowledged', 'closed')) OR (OLD.status = 'acknowledged' AND NEW.status = 'closed')) THEN
    RAISE EXCEPTION 'ceiling_warnings: status % -> % refused', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.acknowledged_at IS NOT NULL AND (NEW.acknowledged_at, NEW.acknowledged_by, NEW.acknowledgement_note)
       IS DISTINCT FROM (OLD.acknowledged_at, OLD.acknowledged_by, OLD.acknowledgement_note) THEN
    RAISE EXCEPTION 'ceiling_warnings: an acknowledgement does not change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ceiling_warnings_guard BEFORE UPDATE OR DELETE ON ceiling_warnings FOR EACH ROW EXECUTE FUNCTION ceiling_warnings_guard();

ALTER TABLE addon_figure_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE addon_figure_uploads FORCE ROW LEVEL SECURITY;
CREATE POLICY addon_figure_uploads_read ON addon_figure_uploads FOR SELECT USING (app_can_see(agb));
-- The provider's own figures; a purchaser (or the CLI/jobs) may record a file received otherwise.
CREATE POLICY addon_figure_uploads_insert ON addon_figure_uploads FOR INSERT WITH CHECK (
  app_role() IN ('purchaser', 'system') OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));

ALTER TABLE addon_figure_rows ENABLE ROW LEVEL SECURITY;
ALTER TABLE addon_figure_rows FORCE ROW LEVEL SECURITY;
CREATE POLICY addon_figure_rows_read ON addon_figure_rows FOR SELECT USING (app_can_see(agb));
CREATE POLICY addon_figure_rows_insert ON addon_figure_rows FOR INSERT WITH CHECK (
  app_role() IN ('purchaser', 'system') OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));

ALTER TABLE ceiling_warnings ENABLE ROW LEVEL SECURITY;
ALTER TABLE ceiling_warnings FORCE ROW LEVEL SECURITY;
CREATE POLICY ceiling_warnings_read ON ceiling_warnings FOR SELECT USING (app_can_see(agb));
-- Only the provider itself reports (as its acting user), or a job.
CREATE POLICY ceiling_warnings_insert ON ceiling_warnings FOR INSERT WITH CHECK (
  app_role() = 'system'
  OR (app_role() = 'provider' AND agb = current_setting('app.agb', true) AND reported_by::text = current_setting('app.user_id', true) AND status = 'open'));
-- Purchasers handle warnings.
CREATE POLICY ceiling_warnings_handle ON ceiling_warnings FOR UPDATE
  USING (app_role() IN ('purchaser', 'system')) WITH CHECK (app_role() IN ('purchaser', 'system'));

GRANT SELECT, INSERT ON addon_figure_uploads, addon_figure_rows TO zorginkoop_app;
GRANT SELECT, INSERT, UPDATE ON ceiling_warnings TO zorginkoop_app;
REVOKE UPDATE, DELETE, TRUNCATE ON addon_figure_uploads, addon_figure_rows FROM zorginkoop_app;
REVOKE DELETE, TRUNCATE ON ceiling_warnings FROM zorginkoop_app;

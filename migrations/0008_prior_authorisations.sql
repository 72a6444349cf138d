-- Prior authorisations for oral and maxillofacial surgery (MSZ Bijlage 1 art. 6 items 13-23):
-- a provider's request with the required content (patient, treatment plan and budget with
-- performance codes and element numbers, technique costs), its attachments (photos, records), and
-- the history that drives the decision clock (submitted, information requested with the question,
-- information provided, decided, withdrawn). The rules (src/domain/authorisations) decide what is
-- needed and when a decision is late; these constraints keep the rows consistent whatever writes them.
--
-- Visibility: the provider user of the AGB and the insurer's medical advisers and controllers (and
-- jobs). Purchasers do not see patient data. FORCE row-level security on every table.

CREATE FUNCTION app_can_see_authorisation(row_agb text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_can_see(row_agb) AND app_role() IN ('medical-adviser', 'controller', 'system', 'provider')
$$;

CREATE TABLE prior_authorisations (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb                   char(8) NOT NULL REFERENCES providers (agb),
  policy_id             text NOT NULL,
  -- The provider's own reference (kenmerk), unique per provider when given.
  provider_reference    text CHECK (provider_reference ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,49}$'),
  patient_bsn           char(9) NOT NULL CHECK (patient_bsn ~ '^[0-9]{9}$'),
  patient_name          text NOT NULL CHECK (length(btrim(patient_name)) BETWEEN 1 AND 200),
  patient_birth_date    date NOT NULL,
  treatment_kind        text NOT NULL CHECK (treatment_kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  treatment_date        date NOT NULL CHECK (treatment_date >= patient_birth_date),
  treatment_plan        text NOT NULL CHECK (length(btrim(treatment_plan)) BETWEEN 1 AND 5000),
  technique_costs_cents bigint NOT NULL CHECK (technique_costs_cents >= 0),
  -- The provider asked because it doubts the entitlement (item 19).
  in_doubt              boolean NOT NULL DEFAULT false,
  -- The requirement decision at submission: outcome, reasons (rule, source, inputs).
  requirement           jsonb NOT NULL,
  status                text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'info-requested', 'approved', 'rejected', 'withdrawn')),
  received_at           timestamptz NOT NULL,
  submitted_by          text NOT NULL,
  decision              text CHECK (decision IN ('approved', 'rejected')),
  decision_reason       text CHECK (decision_reason IS NULL OR length(btrim(decision_reason)) BETWEEN 3 AND 2000),
  decided_at            timestamptz,
  decided_by            text,
  withdrawn_at          timestamptz,
  updated_at            timestamptz NOT NULL,
  UNIQUE (agb, provider_reference),
  CHECK ((decision IS NULL) = (decided_at IS NULL) AND (decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decision_reason IS NULL)),
  CHECK (decision IS NULL OR status = decision),
  CHECK (status NOT IN ('approved', 'rejected') OR decision IS NOT NULL),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
  CHECK (decided_at IS NULL OR decided_at >= received_at)
);
CREATE INDEX prior_authorisations_agb ON prior_authorisations (agb, id DESC);
CREATE INDEX prior_authorisations_open ON prior_authorisations (received_at) WHERE status IN ('submitted', 'info-requested');

-- The treatment plan and budget: one line per performance code, amounts in cents.
CREATE TABLE prior_authorisation_lines (
  authorisation_id  bigint NOT NULL REFERENCES prior_authorisations (id),
  line_no           smallint NOT NULL CHECK (line_no BETWEEN 1 AND 100),
  agb               char(8) NOT NULL,
  performance_code  text NOT NULL CHECK (performance_code ~ '^([A-Z]{1,2}[0-9]{2,4}|[0-9]{9})$'),
  -- FDI tooth numbers: 11-18, 21-28, 31-38, 41-48, deciduous 51-55, 61-65, 71-75, 81-85.
  element_numbers   smallint[] NOT NULL DEFAULT '{}' CHECK (
    cardinality(element_numbers) <= 32
    AND element_numbers <@ ARRAY[11,12,13,14,15,16,17,18,21,22,23,24,25,26,27,28,31,32,33,34,35,36,37,38,41,42,43,44,45,46,47,48,
                                 51,52,53,54,55,61,62,63,64,65,71,72,73,74,75,81,82,83,84,85]::smallint[]),
  amount_cents      bigint NOT NULL CHECK (amount_cents > 0),
  description       text CHECK (description IS NULL OR length(description) BETWEEN 1 AND 500),
  PRIMARY KEY (authorisation_id, line_no)
);

-- Photos and records, at most 10 MB each, with their SHA-256 (of the stored bytes).
CREATE TABLE prior_authorisation_attachments (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authorisation_id  bigint NOT NULL REFERENCES prior_authorisations (id),
  agb               char(8) NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('record', 'photo')),
  file_name         text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200 AND file_name !~ '[/\\]'),
  media_type        text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
  size_bytes        integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256            char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content           bytea NOT NULL,
  uploaded_by       text NOT NULL,
  uploaded_at       timestamptz NOT NULL,
  CHECK (octet_length(content) = size_bytes),
  CHECK (encode(sha256(content), 'hex') = sha256)
);
CREATE INDEX prior_authorisation_attachments_request ON prior_authorisation_attachments (authorisation_id, id);

-- The history, append-only: what the decision clock is computed from.
CREATE TABLE prior_authorisation_events (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  authorisation_id  bigint NOT NULL REFERENCES prior_authorisations (id),
  agb               char(8) NOT NULL,
  event             text NOT NULL CHECK (event IN ('submitted', 'information-requested', 'information-provided', 'decided', 'withdrawn', 'attachment-added')),
  at                timestamptz NOT NULL,
  actor_role        text NOT NULL CHECK (actor_role IN ('provider', 'medical-adviser', 'controller', 'system')),
  actor_email       text,
  -- The question, the answer, or the reason of the decision.
  message           text CHECK (message IS NULL OR length(btrim(message)) BETWEEN 1 AND 5000),
  details           jsonb NOT NULL DEFAULT '{}'::jsonb,
  CHECK (event NOT IN ('information-requested', 'information-provided', 'decided') OR message IS NOT NULL)
);
CREATE INDEX prior_authorisation_events_request ON prior_authorisation_events (authorisation_id, id);

-- Child rows belong to the request's provider.
CREATE FUNCTION prior_authorisation_child_agb() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM prior_authorisations a WHERE a.id = NEW.authorisation_id AND a.agb = NEW.agb) THEN
    RAISE EXCEPTION '%: authorisation % does not belong to provider %', TG_TABLE_NAME, NEW.authorisation_id, NEW.agb USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

-- The second wall behind the use cases: the status moves only along the lifecycle, final statuses
-- stay final, the provider changes nothing but answering (info-requested → submitted) and
-- withdrawing, and the insurer never changes what the provider submitted.
CREATE FUNCTION prior_authorisations_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  content_keys text[] := ARRAY['agb', 'policy_id', 'provider_reference', 'patient_bsn', 'patient_name', 'patient_birth_date', 'treatment_kind',
                               'treatment_date', 'treatment_plan', 'technique_costs_cents', 'in_doubt', 'requirement', 'received_at', 'submitted_by'];
  provider_keys text[] := ARRAY['status', 'withdrawn_at', 'updated_at'];
BEGIN
  IF OLD.status IN ('approved', 'rejected', 'withdrawn') THEN
    RAISE EXCEPTION 'prior_authorisations: % is final', OLD.status USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND NOT ((OLD.status = 'submitted' AND NEW.status IN ('info-requested', 'approved', 'rejected', 'withdrawn'))
              OR (OLD.status = 'info-requested' AND NEW.status IN ('submitted', 'approved', 'rejected', 'withdrawn'))) THEN
    RAISE EXCEPTION 'prior_authorisations: status % -> % refused', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF (SELECT jsonb_object_agg(k, to_jsonb(NEW) -> k) FROM unnest(content_keys) k)
     IS DISTINCT FROM (SELECT jsonb_object_agg(k, to_jsonb(OLD) -> k) FROM unnest(content_keys) k) THEN
    RAISE EXCEPTION 'prior_authorisations: the submitted content does not change' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF app_role() = 'provider' THEN
    IF (to_jsonb(NEW) - provider_keys) IS DISTINCT FROM (to_jsonb(OLD) - provider_keys)
       OR NOT ((OLD.status = 'info-requested' AND NEW.status = 'submitted') OR NEW.status = 'withdrawn') THEN
      RAISE EXCEPTION 'prior_authorisations: a provider only answers a question or withdraws' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW.status = 'withdrawn' AND app_role() <> 'system' THEN
    RAISE EXCEPTION 'prior_authorisations: only the provider withdraws' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION prior_authorisations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER prior_authorisations_guard BEFORE UPDATE ON prior_authorisations FOR EACH ROW EXECUTE FUNCTION prior_authorisations_guard();
CREATE TRIGGER prior_authorisation_lines_agb BEFORE INSERT ON prior_authorisation_lines FOR EACH ROW EXECUTE FUNCTION prior_authorisation_child_agb();
CREATE TRIGGER prior_authorisation_attachments_agb BEFORE INSERT ON prior_authorisation_attachments FOR EACH ROW EXECUTE FUNCTION prior_authorisation_child_agb();
CREATE TRIGGER prior_authorisation_events_agb BEFORE INSERT ON prior_authorisation_events FOR EACH ROW EXECUTE FUNCTION prior_authorisation_child_agb();
CREATE TRIGGER prior_authorisation_lines_no_change BEFORE UPDATE OR DELETE ON prior_authorisation_lines FOR EACH ROW EXECUTE FUNCTION prior_authorisations_refuse_change();
CREATE TRIGGER prior_authorisation_attachments_no_change BEFORE UPDATE OR DELETE ON prior_authorisation_attachments FOR EACH ROW EXECUTE FUNCTION prior_authorisations_refuse_change();
CREATE TRIGGER prior_authorisation_events_no_change BEFORE UPDATE OR DELETE ON prior_authorisation_events FOR EACH ROW EXECUTE FUNCTION prior_authorisations_refuse_change();

-- Whom a notification about a provider's authorisation concerns: that provider's users, and the
-- medical advisers and controllers who handle the queue. Only for a caller who may see the
-- authorisations of the provider; SECURITY DEFINER like contract_notification_recipients.
CREATE FUNCTION authorisation_notification_recipients(p_agb text)
RETURNS TABLE (user_id bigint, email text, role text, agb text)
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  caller_role text := coalesce(current_setting('app.role', true), '');
BEGIN
  IF NOT app_can_see_authorisation(p_agb) THEN
    RAISE EXCEPTION 'no access to the authorisations of provider %', p_agb USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('app.role', 'system', true);
  RETURN QUERY
    SELECT u.id, u.email, u.role, u.agb::text FROM users u
    WHERE (u.role = 'provider' AND u.agb = p_agb) OR u.role IN ('medical-adviser', 'controller')
    ORDER BY u.id;
  PERFORM set_config('app.role', caller_role, true);
END $$;

-- Row-level security, forced even for the table owner.
ALTER TABLE prior_authorisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE prior_authorisations FORCE ROW LEVEL SECURITY;
CREATE POLICY prior_authorisations_read ON prior_authorisations FOR SELECT USING (app_can_see_authorisation(agb));
CREATE POLICY prior_authorisations_insert ON prior_authorisations FOR INSERT WITH CHECK (
  (app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)))
  AND status = 'submitted' AND decision IS NULL);
CREATE POLICY prior_authorisations_update ON prior_authorisations FOR UPDATE
  USING (app_can_see_authorisation(agb)) WITH CHECK (app_can_see_authorisation(agb));

ALTER TABLE prior_authorisation_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE prior_authorisation_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY prior_authorisation_lines_read ON prior_authorisation_lines FOR SELECT USING (app_can_see_authorisation(agb));
CREATE POLICY prior_authorisation_lines_insert ON prior_authorisation_lines FOR INSERT WITH CHECK (
  app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));

ALTER TABLE prior_authorisation_attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE prior_authorisation_attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY prior_authorisation_attachments_read ON prior_authorisation_attachments FOR SELECT USING (app_can_see_authorisation(agb));
CREATE POLICY prior_authorisation_attachments_insert ON prior_authorisation_attachments FOR INSERT WITH CHECK (
  app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));

ALTER TABLE prior_authorisation_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE prior_authorisation_events FORCE ROW LEVEL SECURITY;
CREATE POLICY prior_authorisation_events_read ON prior_authorisation_events FOR SELECT USING (app_can_see_authorisation(agb));
CREATE POLICY prior_authorisation_events_insert ON prior_authorisation_events FOR INSERT WITH CHECK (
  app_can_see_authorisation(agb) AND actor_role = app_role());

GRANT SELECT, INSERT, UPDATE ON prior_authorisations TO zorginkoop_app;
GRANT SELECT, INSERT ON prior_authorisation_lines, prior_authorisation_attachments, prior_authorisation_events TO zorginkoop_app;
REVOKE DELETE, TRUNCATE ON prior_authorisations, prior_authorisation_lines, prior_authorisation_attachments, prior_authorisation_events FROM zorginkoop_app;
GRANT EXECUTE ON FUNCTION app_can_see_authorisation(text), authorisation_notification_recipients(text) TO zorginkoop_app;

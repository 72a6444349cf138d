-- The contracting year (MSZ §5, §7): one contracting process per provider and contract year with its
-- state (src/domain/contracting/state-machine.ts), the history of every transition, the signatures
-- (who signed which exact document bytes, when), and the notifications and e-mail outbox that tell the
-- users concerned. Provider-scoped tables have FORCE row-level security; the state machine decides
-- which transitions exist, these constraints keep the rows consistent whatever writes them.

CREATE TABLE contract_processes (
  agb                     char(8) NOT NULL REFERENCES providers (agb),
  year                    integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  policy_id               text NOT NULL,
  path                    text NOT NULL CHECK (path IN ('regular', 'digital')),
  agreement_type_id       text NOT NULL,
  state                   text NOT NULL DEFAULT 'invited' CHECK (state IN ('invited', 'concept-out', 'proposal-sent', 'provider-responded',
                                                                'negotiating', 'onderhandelakkoord', 'signed', 'price-list-fixed',
                                                                'published', 'no-agreement')),
  concept_published_at    timestamptz,
  concept_feedback        text CHECK (concept_feedback IS NULL OR length(btrim(concept_feedback)) BETWEEN 1 AND 10000),
  concept_feedback_at     timestamptz,
  -- MSZ §5: no timely reaction on the concept agreement counts as consent; set at the feedback deadline.
  consent_by_silence      boolean NOT NULL DEFAULT false,
  proposal_sent_at        timestamptz,
  -- The date printed on the proposal letter: the document is regenerated from it byte for byte.
  proposal_document_date  date,
  proposal_sha256         char(64) CHECK (proposal_sha256 ~ '^[0-9a-f]{64}$'),
  response                text CHECK (response IN ('accepted', 'countered')),
  response_reasons        text CHECK (response_reasons IS NULL OR length(btrim(response_reasons)) BETWEEN 1 AND 10000),
  responded_at            timestamptz,
  response_overdue        boolean NOT NULL DEFAULT false,
  onderhandelakkoord_at   timestamptz,
  signed_at               timestamptz,
  price_list_fixed_at     timestamptz,
  published_at            timestamptz,
  no_agreement_reason     text CHECK (no_agreement_reason IS NULL OR length(btrim(no_agreement_reason)) BETWEEN 1 AND 2000),
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  PRIMARY KEY (agb, year),
  CHECK ((concept_feedback IS NULL) = (concept_feedback_at IS NULL)),
  CHECK (NOT (consent_by_silence AND concept_feedback IS NOT NULL)),
  CHECK (concept_published_at IS NOT NULL OR (concept_feedback IS NULL AND NOT consent_by_silence)),
  CHECK (state = 'invited' OR state = 'no-agreement' OR concept_published_at IS NOT NULL),
  CHECK ((proposal_sent_at IS NULL) = (proposal_sha256 IS NULL) AND (proposal_sent_at IS NULL) = (proposal_document_date IS NULL)),
  CHECK (state NOT IN ('proposal-sent', 'provider-responded', 'negotiating', 'onderhandelakkoord', 'signed', 'price-list-fixed', 'published')
         OR proposal_sent_at IS NOT NULL),
  CHECK ((response IS NULL) = (responded_at IS NULL)),
  CHECK ((response IS NOT DISTINCT FROM 'countered') = (response_reasons IS NOT NULL)),
  CHECK (state NOT IN ('signed', 'price-list-fixed', 'published') OR signed_at IS NOT NULL),
  CHECK (state NOT IN ('price-list-fixed', 'published') OR price_list_fixed_at IS NOT NULL),
  CHECK (state <> 'published' OR published_at IS NOT NULL),
  CHECK ((state = 'no-agreement') = (no_agreement_reason IS NOT NULL))
);
CREATE INDEX contract_processes_year_state ON contract_processes (year, state);

-- Every transition, append-only: from, to, event, who, when (the application clock), and details.
CREATE TABLE contract_events (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb            char(8) NOT NULL,
  year           integer NOT NULL,
  event          text NOT NULL CHECK (event ~ '^[a-z][a-z-]{1,40}$'),
  from_state     text,
  to_state       text NOT NULL,
  actor_role     text NOT NULL CHECK (actor_role IN ('purchaser', 'provider', 'job')),
  actor_user_id  bigint REFERENCES users (id),
  actor_email    text,
  at             timestamptz NOT NULL,
  details        jsonb NOT NULL DEFAULT '{}'::jsonb,
  FOREIGN KEY (agb, year) REFERENCES contract_processes (agb, year),
  CHECK ((actor_role = 'job') = (actor_user_id IS NULL))
);
CREATE INDEX contract_events_process ON contract_events (agb, year, id);

-- Who signed which exact document (SHA-256 of the PDF bytes), when. Only a provider user with
-- is_signatory for that AGB may sign: checked by the use case, by the row-level policy (the signer is
-- the acting user of that AGB) and by the trigger below (against the users table).
CREATE TABLE signatures (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb              char(8) NOT NULL,
  year             integer NOT NULL,
  document_kind    text NOT NULL CHECK (document_kind IN ('proposal-letter')),
  document_sha256  char(64) NOT NULL CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
  signed_by        bigint NOT NULL REFERENCES users (id),
  signed_at        timestamptz NOT NULL,
  signer_email     text NOT NULL CHECK (length(signer_email) BETWEEN 3 AND 254),
  FOREIGN KEY (agb, year) REFERENCES contract_processes (agb, year),
  UNIQUE (agb, year, document_kind)
);

-- Reads users whatever the caller's row visibility, and says whether that user may sign for the AGB
-- under that e-mail address. SECURITY DEFINER with app.role switched to 'system' for the lookup only,
-- because users has FORCE row-level security (it applies to the owner too).
CREATE FUNCTION app_user_can_sign(p_user_id bigint, p_agb text, p_email text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  caller_role text := coalesce(current_setting('app.role', true), '');
  allowed boolean;
BEGIN
  PERFORM set_config('app.role', 'system', true);
  SELECT EXISTS (
    SELECT 1 FROM users u
    WHERE u.id = p_user_id AND u.role = 'provider' AND u.agb = p_agb AND u.is_signatory AND lower(u.email) = lower(p_email)
  ) INTO allowed;
  PERFORM set_config('app.role', caller_role, true);
  RETURN allowed;
END $$;

CREATE FUNCTION signatures_check_signatory() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT app_user_can_sign(NEW.signed_by, NEW.agb, NEW.signer_email) THEN
    RAISE EXCEPTION 'user % is not a signatory of provider %', NEW.signed_by, NEW.agb USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION contracting_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER signatures_signatory BEFORE INSERT ON signatures FOR EACH ROW EXECUTE FUNCTION signatures_check_signatory();
CREATE TRIGGER signatures_no_change BEFORE UPDATE OR DELETE ON signatures FOR EACH ROW EXECUTE FUNCTION contracting_refuse_change();
CREATE TRIGGER contract_events_no_change BEFORE UPDATE OR DELETE ON contract_events FOR EACH ROW EXECUTE FUNCTION contracting_refuse_change();

-- One notification per recipient user (fanned out when it is created), so each user has its own
-- read mark; `agb` scopes notifications about a provider, `role` is the recipient's role then.
CREATE TABLE notifications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  agb         char(8) REFERENCES providers (agb),
  role        text NOT NULL CHECK (role IN ('purchaser', 'controller', 'medical-adviser', 'provider')),
  kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z.-]{1,60}$'),
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  link        text CHECK (link IS NULL OR link ~ '^/'),
  created_at  timestamptz NOT NULL,
  read_at     timestamptz
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);

-- E-mails waiting for a mail sender to drain them (SELECT ... FOR UPDATE SKIP LOCKED, then set sent_at).
CREATE TABLE outbox (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  to_email    text NOT NULL CHECK (to_email ~ '^[^@\s]+@[^@\s]+$' AND length(to_email) <= 254),
  subject     text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  agb         char(8) REFERENCES providers (agb),
  created_at  timestamptz NOT NULL,
  sent_at     timestamptz
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Whom a notification about a provider's contract concerns: that provider's users and the purchasers.
-- Only for a caller who may see the provider; SECURITY DEFINER like app_user_can_sign, returning no
-- more than id, e-mail, role and AGB.
CREATE FUNCTION contract_notification_recipients(p_agb text)
RETURNS TABLE (user_id bigint, email text, role text, agb text)
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
  caller_role text := coalesce(current_setting('app.role', true), '');
BEGIN
  IF NOT app_can_see(p_agb) THEN
    RAISE EXCEPTION 'no access to provider %', p_agb USING ERRCODE = 'insufficient_privilege';
  END IF;
  PERFORM set_config('app.role', 'system', true);
  RETURN QUERY
    SELECT u.id, u.email, u.role, u.agb::text FROM users u
    WHERE (u.role = 'provider' AND u.agb = p_agb) OR u.role = 'purchaser'
    ORDER BY u.id;
  PERFORM set_config('app.role', caller_role, true);
END $$;

-- Row-level security, forced even for the table owner.
ALTER TABLE contract_processes ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_processes FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_processes_read ON contract_processes FOR SELECT USING (app_can_see(agb));
CREATE POLICY contract_processes_insert ON contract_processes FOR INSERT WITH CHECK (app_role() IN ('purchaser', 'system'));
-- A provider user moves its own process (feedback, response, signature); staff other than purchasers only read.
CREATE POLICY contract_processes_update ON contract_processes FOR UPDATE
  USING (app_can_see(agb) AND app_role() IN ('purchaser', 'provider', 'system'))
  WITH CHECK (app_can_see(agb) AND app_role() IN ('purchaser', 'provider', 'system'));

ALTER TABLE contract_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE contract_events FORCE ROW LEVEL SECURITY;
CREATE POLICY contract_events_read ON contract_events FOR SELECT USING (app_can_see(agb));
CREATE POLICY contract_events_insert ON contract_events FOR INSERT WITH CHECK (app_can_see(agb) AND app_role() IN ('purchaser', 'provider', 'system'));

ALTER TABLE signatures ENABLE ROW LEVEL SECURITY;
ALTER TABLE signatures FORCE ROW LEVEL SECURITY;
CREATE POLICY signatures_read ON signatures FOR SELECT USING (app_can_see(agb));
-- Nobody signs for someone else: the row names the acting provider user of its own AGB.
CREATE POLICY signatures_insert ON signatures FOR INSERT WITH CHECK (
  app_role() = 'provider' AND agb = current_setting('app.agb', true) AND signed_by::text = current_setting('app.user_id', true));

ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE notifications FORCE ROW LEVEL SECURITY;
CREATE POLICY notifications_own ON notifications FOR SELECT USING (app_role() = 'system' OR user_id::text = current_setting('app.user_id', true));
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE
  USING (app_role() = 'system' OR user_id::text = current_setting('app.user_id', true))
  WITH CHECK (app_role() = 'system' OR user_id::text = current_setting('app.user_id', true));
-- Whoever acts on a provider's contract may tell the users concerned, about that provider only.
CREATE POLICY notifications_insert ON notifications FOR INSERT WITH CHECK ((agb IS NULL AND app_role() IN ('purchaser', 'system')) OR app_can_see(agb));

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_insert ON outbox FOR INSERT WITH CHECK ((agb IS NULL AND app_role() IN ('purchaser', 'system')) OR app_can_see(agb));
CREATE POLICY outbox_drain ON outbox FOR SELECT USING (app_role() = 'system');
CREATE POLICY outbox_mark_sent ON outbox FOR UPDATE USING (app_role() = 'system') WITH CHECK (app_role() = 'system');

GRANT SELECT, INSERT, UPDATE ON contract_processes TO zorginkoop_app;
GRANT SELECT, INSERT ON contract_events, signatures TO zorginkoop_app;
GRANT SELECT, INSERT, UPDATE ON notifications, outbox TO zorginkoop_app;
REVOKE DELETE, TRUNCATE ON contract_processes, contract_events, signatures FROM zorginkoop_app;
GRANT EXECUTE ON FUNCTION app_user_can_sign(bigint, text, text), contract_notification_recipients(text) TO zorginkoop_app;

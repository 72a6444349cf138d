-- Claims control (MSZ §4A, §6; ADD §5, §8; Regeling zorgverzekering art. 7.5-7.10): check runs, findings
-- with their hearing (hoor en wederhoor) before a reclaim is final, and the specific risk analyses that
-- alone open patient-level detail to controllers and medical advisers.

ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('purchaser', 'controller', 'medical-adviser', 'provider'));

CREATE TABLE claim_check_runs (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  year         integer CHECK (year BETWEEN 2000 AND 2100),
  started_at   timestamptz NOT NULL DEFAULT now(),
  finished_at  timestamptz,
  claims       bigint NOT NULL DEFAULT 0 CHECK (claims >= 0),
  findings     jsonb NOT NULL DEFAULT '{}'::jsonb,
  started_by   text NOT NULL
);

-- A specific risk analysis (Regeling zorgverzekering art. 7.8): why patient-level detail control is needed.
CREATE TABLE risk_analyses (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title        text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  rationale    text NOT NULL CHECK (length(rationale) >= 10),
  rules        text[] NOT NULL DEFAULT '{}',
  agb          char(8) REFERENCES providers (agb),
  created_by   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claim_findings (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  run_id                 bigint NOT NULL REFERENCES claim_check_runs (id),
  claim_id               text NOT NULL REFERENCES claims (claim_id),
  agb                    char(8) NOT NULL REFERENCES providers (agb),
  rule                   text NOT NULL CHECK (rule IN ('duplicate', 'parallel', 'parallel-combination', 'parallel-specialism', 'serial',
                                                       'non-evidence', 'selective', 'ceiling', 'addon-tariff', 'addon-centre')),
  source                 text NOT NULL,
  amount_at_stake_cents  bigint NOT NULL CHECK (amount_at_stake_cents >= 0),
  action                 text NOT NULL CHECK (action IN ('reject', 'reclaim', 'review')),
  related_claim_ids      text[] NOT NULL DEFAULT '{}',
  reason                 jsonb NOT NULL,
  -- open → sent (to the provider for hoor en wederhoor) → responded → upheld | withdrawn; upheld reclaims are final.
  status                 text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'sent', 'responded', 'upheld', 'withdrawn')),
  response_due           date,
  provider_response      text,
  responded_at           timestamptz,
  decided_by             text,
  decided_at             timestamptz,
  decision_note          text,
  risk_analysis_id       bigint REFERENCES risk_analyses (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (claim_id, rule),
  CHECK (status <> 'upheld' OR decided_by IS NOT NULL),
  CHECK (status NOT IN ('responded') OR provider_response IS NOT NULL)
);
CREATE INDEX claim_findings_agb_rule ON claim_findings (agb, rule);
CREATE INDEX claim_findings_rule ON claim_findings (rule);

ALTER TABLE claim_findings ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_findings FORCE ROW LEVEL SECURITY;
-- A provider sees its own findings once they are sent for its response; insurer staff see all.
CREATE POLICY claim_findings_read ON claim_findings FOR SELECT
  USING (app_role() IN ('purchaser', 'controller', 'medical-adviser', 'system')
         OR (app_role() = 'provider' AND agb = current_setting('app.agb', true) AND status <> 'open'));
CREATE POLICY claim_findings_write ON claim_findings FOR INSERT WITH CHECK (app_role() IN ('controller', 'system'));
CREATE POLICY claim_findings_update ON claim_findings FOR UPDATE
  USING (app_role() IN ('controller', 'medical-adviser', 'system') OR (app_role() = 'provider' AND agb = current_setting('app.agb', true) AND status = 'sent'))
  WITH CHECK (app_role() IN ('controller', 'medical-adviser', 'system') OR (app_role() = 'provider' AND agb = current_setting('app.agb', true) AND status = 'responded'));
CREATE POLICY claim_findings_delete ON claim_findings FOR DELETE USING (app_role() IN ('controller', 'system'));

-- Staff visibility now includes medical advisers.
CREATE OR REPLACE FUNCTION app_can_see(row_agb text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_role() IN ('purchaser', 'controller', 'medical-adviser', 'system')
      OR (app_role() = 'provider' AND row_agb = current_setting('app.agb', true))
$$;

ALTER TABLE risk_analyses ENABLE ROW LEVEL SECURITY;
ALTER TABLE risk_analyses FORCE ROW LEVEL SECURITY;
CREATE POLICY risk_analyses_scope ON risk_analyses USING (app_role() IN ('controller', 'medical-adviser', 'system')) WITH CHECK (app_role() IN ('controller', 'medical-adviser', 'system'));

ALTER TABLE claim_check_runs ENABLE ROW LEVEL SECURITY;
ALTER TABLE claim_check_runs FORCE ROW LEVEL SECURITY;
CREATE POLICY claim_check_runs_scope ON claim_check_runs USING (app_role() IN ('purchaser', 'controller', 'medical-adviser', 'system')) WITH CHECK (app_role() IN ('controller', 'system'));

GRANT SELECT, INSERT, UPDATE, DELETE ON claim_findings, risk_analyses, claim_check_runs TO zorginkoop_app;

-- New providers (MSZ §5 "Nieuwe aanbieders") and the quality questionnaire (MSZ Bijlage 1, 2).
--
-- provider_applications: a provider without an account applies (public, before the application
-- deadline), a purchaser assesses it (accept → provider + negotiation `new_provider`; reject with
-- reasons → a reasoned letter), the applicant may object or ask for an explanation before the
-- objection deadline. The applicant is known only by the e-mail address it applied with: a public
-- request sets `app.applicant_email` and sees only its own application.
--
-- quality_answers / improvement_agreements: the provider's answers to the general quality
-- conditions, the 13 purchasing specifications and the minimum-norm declarations per Bijlage 2
-- treatment, and the improvement agreement an entry condition answered "no" produces. Provider-
-- scoped with FORCE row-level security: a provider user reads and writes only its own AGB.

CREATE TABLE provider_applications (
  id                                 uuid PRIMARY KEY,
  year                               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  policy_id                          text NOT NULL,
  organisation_name                  text NOT NULL CHECK (length(organisation_name) BETWEEN 2 AND 200),
  applicant_email                    text NOT NULL CHECK (applicant_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' AND length(applicant_email) <= 254),
  kvk                                char(8) NOT NULL CHECK (kvk ~ '^[0-9]{8}$'),
  -- Not a foreign key: a new provider's AGB is usually not in `providers` yet.
  agb                                char(8) NOT NULL CHECK (agb ~ '^[0-9]{8}$'),
  provider_type                      text NOT NULL CHECK (provider_type IN ('ziekenhuis', 'umc', 'zbc', 'categoraal')),
  city                               text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  wtzi_admission                     boolean NOT NULL,
  kvk_registered                     boolean NOT NULL,
  meets_quality_and_entry_conditions boolean NOT NULL,
  added_value                        text NOT NULL CHECK (length(added_value) BETWEEN 10 AND 5000),
  submitted_at                       timestamptz NOT NULL,
  -- submitted → assessing (acceptance in progress) → accepted; submitted → rejected.
  status                             text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'assessing', 'accepted', 'rejected')),
  assessed_by                        text,
  assessed_at                        timestamptz,
  rejection_reasons                  text CHECK (length(rejection_reasons) BETWEEN 10 AND 5000),
  objection                          text CHECK (length(objection) BETWEEN 10 AND 5000),
  objection_at                       timestamptz,
  objection_kind                     text CHECK (objection_kind IN ('objection', 'explanation')),
  UNIQUE (agb, year),
  CHECK (status = 'submitted' OR (assessed_by IS NOT NULL AND assessed_at IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejection_reasons IS NOT NULL)),
  CHECK ((objection IS NULL) = (objection_at IS NULL) AND (objection IS NULL) = (objection_kind IS NULL)),
  CHECK (objection IS NULL OR status = 'rejected')
);
CREATE INDEX provider_applications_year ON provider_applications (year, submitted_at);

-- The second wall behind the use cases: the status only moves forward, an applicant (public role)
-- changes nothing but its one objection, and staff never write the applicant's objection.
CREATE FUNCTION provider_applications_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  objection_keys text[] := ARRAY['objection', 'objection_at', 'objection_kind'];
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status
     AND NOT ((OLD.status = 'submitted' AND NEW.status IN ('assessing', 'accepted', 'rejected'))
              OR (OLD.status = 'assessing' AND NEW.status = 'accepted')) THEN
    RAISE EXCEPTION 'provider_applications: status % -> % refused', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF app_role() = 'public' THEN
    IF (to_jsonb(NEW) - objection_keys) IS DISTINCT FROM (to_jsonb(OLD) - objection_keys) OR OLD.objection_at IS NOT NULL THEN
      RAISE EXCEPTION 'provider_applications: an applicant only adds one objection' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF (to_jsonb(NEW) -> 'objection', to_jsonb(NEW) -> 'objection_at', to_jsonb(NEW) -> 'objection_kind')
        IS DISTINCT FROM (to_jsonb(OLD) -> 'objection', to_jsonb(OLD) -> 'objection_at', to_jsonb(OLD) -> 'objection_kind') THEN
    RAISE EXCEPTION 'provider_applications: only the applicant writes its objection' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER provider_applications_guard BEFORE UPDATE ON provider_applications FOR EACH ROW EXECUTE FUNCTION provider_applications_guard();

CREATE TABLE quality_answers (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb          char(8) NOT NULL REFERENCES providers (agb),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  -- general: Bijlage 1 items 1-23; specification: the 13 purchasing specifications;
  -- minimum-norm: the declaration per Bijlage 2 treatment (number = row in the policy's list).
  item_kind    text NOT NULL CHECK (item_kind IN ('general', 'specification', 'minimum-norm')),
  item_number  smallint NOT NULL CHECK (item_number BETWEEN 1 AND 200),
  answer       text NOT NULL CHECK (answer IN ('yes', 'no', 'not-applicable')),
  explanation  text CHECK (length(explanation) <= 2000),
  answered_by  text NOT NULL,
  answered_at  timestamptz NOT NULL,
  UNIQUE (agb, year, item_kind, item_number),
  CHECK (answer <> 'not-applicable' OR explanation IS NOT NULL)
);

CREATE TABLE improvement_agreements (
  id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agb                   char(8) NOT NULL REFERENCES providers (agb),
  year                  integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  specification_number  smallint NOT NULL CHECK (specification_number BETWEEN 1 AND 200),
  due_date              date NOT NULL,
  status                text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met')),
  created_from_answer   bigint NOT NULL REFERENCES quality_answers (id),
  created_at            timestamptz NOT NULL,
  UNIQUE (agb, year, specification_number),
  CHECK (due_date >= make_date(year, 1, 1))
);

ALTER TABLE provider_applications ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_applications FORCE ROW LEVEL SECURITY;
CREATE POLICY provider_applications_read ON provider_applications FOR SELECT USING (
  app_role() IN ('purchaser', 'controller', 'system')
  OR (app_role() = 'public' AND lower(applicant_email) = lower(nullif(current_setting('app.applicant_email', true), ''))));
CREATE POLICY provider_applications_insert ON provider_applications FOR INSERT WITH CHECK (
  app_role() IN ('public', 'purchaser', 'system') AND status = 'submitted' AND assessed_by IS NULL AND objection IS NULL);
CREATE POLICY provider_applications_update ON provider_applications FOR UPDATE
  USING (app_role() IN ('purchaser', 'system')
         OR (app_role() = 'public' AND lower(applicant_email) = lower(nullif(current_setting('app.applicant_email', true), ''))))
  WITH CHECK (app_role() IN ('purchaser', 'system')
              OR (app_role() = 'public' AND lower(applicant_email) = lower(nullif(current_setting('app.applicant_email', true), ''))));

-- Answers are the provider's own declarations: only the provider user of the AGB (or a job) writes them.
ALTER TABLE quality_answers ENABLE ROW LEVEL SECURITY;
ALTER TABLE quality_answers FORCE ROW LEVEL SECURITY;
CREATE POLICY quality_answers_read ON quality_answers FOR SELECT USING (app_can_see(agb));
CREATE POLICY quality_answers_insert ON quality_answers FOR INSERT WITH CHECK (
  app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));
CREATE POLICY quality_answers_update ON quality_answers FOR UPDATE
  USING (app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)))
  WITH CHECK (app_role() = 'system' OR (app_role() = 'provider' AND agb = current_setting('app.agb', true)));

-- An agreement follows from the provider's answer; only the insurer marks it met.
ALTER TABLE improvement_agreements ENABLE ROW LEVEL SECURITY;
ALTER TABLE improvement_agreements FORCE ROW LEVEL SECURITY;
CREATE POLICY improvement_agreements_read ON improvement_agreements FOR SELECT USING (app_can_see(agb));
CREATE POLICY improvement_agreements_insert ON improvement_agreements FOR INSERT WITH CHECK (
  app_role() IN ('purchaser', 'system') OR (app_role() = 'provider' AND agb = current_setting('app.agb', true) AND status = 'open'));
CREATE POLICY improvement_agreements_update ON improvement_agreements FOR UPDATE
  USING (app_role() IN ('purchaser', 'system')) WITH CHECK (app_role() IN ('purchaser', 'system'));

GRANT SELECT, INSERT, UPDATE ON provider_applications, quality_answers, improvement_agreements TO zorginkoop_app;

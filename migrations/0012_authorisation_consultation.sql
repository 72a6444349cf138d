-- Prior authorisations: the second pause of the decision clock (MSZ Bijlage 1 art. 6 item 22:
-- "tenzij er nadere informatie opgevraagd moet worden of nadere beoordeling op het spreekuur van de
-- adviserend tandarts noodzakelijk is"; decision prior-auth-consultation-pause in the MSZ policy).
-- The insurer's side schedules a further assessment at the advising dentist's consultation hour
-- (spreekuur) on a date; the clock stands still from the day after scheduling up to and including
-- that date. The history gets a new event, 'consultation-scheduled', with the date in a new column.
--
-- The request's own status does not change (it stays submitted or info-requested): the status CHECK
-- and the guard trigger of 0008 already allow the update the step makes (updated_at only), and 0008
-- itself is not touched. The history stays append-only (0008's trigger), under the same RLS policies
-- and grants (the column is part of the table the grants name).

ALTER TABLE prior_authorisation_events DROP CONSTRAINT prior_authorisation_events_event_check;
ALTER TABLE prior_authorisation_events ADD CONSTRAINT prior_authorisation_events_event_check CHECK (
  event IN ('submitted', 'information-requested', 'information-provided', 'decided', 'withdrawn', 'attachment-added', 'consultation-scheduled'));

-- The day of the consultation hour: on a scheduling event and only there.
ALTER TABLE prior_authorisation_events ADD COLUMN consultation_date date;
ALTER TABLE prior_authorisation_events ADD CONSTRAINT prior_authorisation_events_consultation_date_check CHECK (
  (event = 'consultation-scheduled') = (consultation_date IS NOT NULL));
-- Never before the day it was scheduled on (one day of slack for any time zone; the use case checks
-- the day in the policy's time zone exactly).
ALTER TABLE prior_authorisation_events ADD CONSTRAINT prior_authorisation_events_consultation_future_check CHECK (
  consultation_date IS NULL OR consultation_date >= (at AT TIME ZONE 'UTC')::date - 1);
-- Only the insurer's side schedules (the use case refuses a provider first; this is the second wall).
ALTER TABLE prior_authorisation_events ADD CONSTRAINT prior_authorisation_events_consultation_role_check CHECK (
  event <> 'consultation-scheduled' OR actor_role IN ('medical-adviser', 'controller', 'system'));

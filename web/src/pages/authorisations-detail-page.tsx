/**
 * One prior-authorisation request, for both sides: the decision clock, the patient and the
 * treatment, the plan and budget, the attachments (downloads are logged), the history and the
 * requirement's reasons. The provider answers an open question (with an optional file) or withdraws;
 * the medical adviser or controller asks for more information or schedules an assessment at the
 * advising dentist's consultation hour (both pause the clock, MSZ Bijlage 1 art. 6 item 22), or
 * decides with a reason.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api';
import { authorisationsApi, type AuthorisationDetail } from '../api-authorisations';
import { ReasonList } from '../components/reasons';
import { ErrorMessage, Loaded, TableScroll } from '../components/status';
import { formatDate, formatEuroCents, roleLabels } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useReloadableResource } from '../use-resource';
import { AuthorisationStatusBadge, ClockPanel, eventLabels, outcomeLabels } from './authorisations-clock';

export function AuthorisationDetailPage({ id }: { id: string }) {
  const { user } = useSession();
  const agb = user?.role === 'provider' ? user.agb : null;
  const valid = /^\d{1,15}$/.test(id);
  const [detail, reload] = useReloadableResource(
    (signal) => (valid ? authorisationsApi.get(id, agb, signal) : Promise.reject(new ApiError(404, 'not_found', `'${id}' is geen aanvraagnummer.`))),
    [id, agb],
  );
  return (
    <article>
      <p className="back-link">
        <Link to="/machtigingen">← Machtigingen</Link>
      </p>
      <Loaded resource={detail} what="Aanvraag">
        {(a) => <Detail a={a} provider={user?.role === 'provider'} onChange={reload} />}
      </Loaded>
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Detail({ a, provider, onChange }: { a: AuthorisationDetail; provider: boolean; onChange(): void }) {
  const open = a.status === 'submitted' || a.status === 'info-requested';
  const lineTotal = a.plan_lines.reduce((sum, l) => sum + l.amount_cents, 0);
  return (
    <>
      <h1>
        Machtigingsaanvraag {a.id}: {a.treatment_title}
      </h1>
      <p className="subtitle">
        {a.provider_name ?? 'Zorgaanbieder'} · AGB-code <span className="code">{a.agb}</span>
        {a.provider_reference && (
          <>
            {' '}
            · kenmerk <span className="code">{a.provider_reference}</span>
          </>
        )}{' '}
        · <AuthorisationStatusBadge status={a.status} />
      </p>

      {a.status === 'info-requested' && a.open_question && (
        <div className="alert alert-info">
          <p className="alert-title">Nadere informatie gevraagd</p>
          <blockquote className="response-text">{a.open_question}</blockquote>
          <p>De beslistermijn staat stil tot het antwoord van de zorgaanbieder.</p>
        </div>
      )}
      {a.clock.paused && a.clock.consultation_date && (
        <div className="alert alert-info">
          <p className="alert-title">Nadere beoordeling op het spreekuur van de adviserend tandarts</p>
          <p>
            Gepland op {formatDate(a.clock.consultation_date)}.{' '}
            {a.clock.late
              ? 'De beslistermijn was al verstreken voordat het spreekuur werd gepland.'
              : `De beslistermijn staat tot en met die dag stil${a.clock.due_date ? `; daarna wordt uiterlijk op ${formatDate(a.clock.due_date)} beslist` : ''}.`}
          </p>
        </div>
      )}
      {a.decision && (
        <div className={`alert ${a.decision === 'approved' ? 'alert-success' : 'alert-error'}`}>
          <p className="alert-title">
            Besluit: {a.decision === 'approved' ? 'goedgekeurd' : 'afgewezen'}
            {a.decided_by ? ` door ${a.decided_by}` : ''}
            {a.decided_at ? ` op ${formatDate(a.decided_at)}` : ''}
          </p>
          <p>{a.decision_reason}</p>
          {a.decision === 'rejected' && <p className="hint">Is de verzekerde het niet eens met het besluit, dan verwijst de kaakchirurg hem naar Zilveren Kruis (MSZ Bijlage 1 art. 6 item 23).</p>}
        </div>
      )}

      <ClockPanel clock={a.clock} />

      {provider && a.status === 'info-requested' && <AnswerForm a={a} onDone={onChange} />}
      {!provider && open && <InsurerActions a={a} onDone={onChange} />}

      <section aria-labelledby="patient">
        <h2 id="patient">Patiënt en behandeling</h2>
        <dl className="facts">
          <Fact term="Naam">{a.patient.name}</Fact>
          <Fact term="BSN">
            <span className="code">{a.patient.bsn}</span>
          </Fact>
          <Fact term="Geboortedatum">{formatDate(a.patient.birth_date)}</Fact>
          <Fact term="Behandeling">{a.treatment_title}</Fact>
          <Fact term="Geplande behandeldatum">{formatDate(a.treatment_date)}</Fact>
          <Fact term="Ingediend door">{a.submitted_by}</Fact>
          <Fact term="Twijfel over aanspraak">{a.in_doubt ? 'ja' : 'nee'}</Fact>
        </dl>
        <h3>Behandelplan</h3>
        <p className="text-block">{a.treatment_plan}</p>
      </section>

      <section aria-labelledby="begroting">
        <h2 id="begroting">Begroting</h2>
        <TableScroll label="Begroting met prestatiecodes">
          <table className="data-table">
            <caption className="visually-hidden">Begroting: prestatiecodes, elementnummers en bedragen</caption>
            <thead>
              <tr>
                <th scope="col">Prestatiecode</th>
                <th scope="col">Elementnummers</th>
                <th scope="col">Omschrijving</th>
                <th scope="col" className="numeric">
                  Bedrag
                </th>
              </tr>
            </thead>
            <tbody>
              {a.plan_lines.map((l, i) => (
                <tr key={i}>
                  <th scope="row" className="code">
                    {l.performance_code}
                  </th>
                  <td>{l.element_numbers.length > 0 ? l.element_numbers.join(', ') : '—'}</td>
                  <td>{l.description ?? '—'}</td>
                  <td className="numeric amount">{formatEuroCents(l.amount_cents)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Techniekkosten</th>
                <td />
                <td />
                <td className="numeric amount">{formatEuroCents(a.technique_costs_cents)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Totaal</th>
                <td />
                <td />
                <td className="numeric amount">{formatEuroCents(lineTotal + a.technique_costs_cents)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">Bijlagen</h2>
        {a.attachments.length === 0 ? (
          <p className="empty">Geen bijlagen.</p>
        ) : (
          <ul className="plain-list">
            {a.attachments.map((f) => (
              <li key={f.id}>
                <a href={authorisationsApi.attachmentUrl(a.agb, a.id, f.id)} download={f.file_name}>
                  {f.file_name}
                </a>{' '}
                <span className="muted">
                  ({f.kind === 'photo' ? 'foto' : 'dossier'}, {Math.max(1, Math.round(f.size_bytes / 1024))} kB, {formatDate(f.uploaded_at)})
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="hint">Het openen van een bijlage wordt vastgelegd in het auditlog (patiëntgegevens).</p>
      </section>

      <section aria-labelledby="verloop">
        <h2 id="verloop">Verloop</h2>
        <ol className="timeline">
          {a.history.map((h) => (
            <li key={h.id} className="timeline-step step-done">
              <span className="timeline-label">
                {eventLabels[h.event] ?? h.event}
                {h.consultation_date ? `: spreekuur op ${formatDate(h.consultation_date)}` : ''}
              </span>
              <span className="timeline-note">
                {formatDate(h.at)} · {h.role === 'system' ? 'systeem' : roleLabels[h.role]}
                {h.by ? ` (${h.by})` : ''}
              </span>
              {h.message && <blockquote className="response-text">{h.message}</blockquote>}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="toets">
        <h2 id="toets">Machtigingstoets bij indienen: {outcomeLabels[a.requirement.outcome].toLowerCase()}</h2>
        <ReasonList reasons={a.requirement.reasons} label="Waarom een machtiging" />
      </section>

      {provider && open && <WithdrawForm a={a} onDone={onChange} />}
    </>
  );
}

function useAction() {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const run = async (work: () => Promise<unknown>, onDone: () => void) => {
    setState({ busy: true, error: null });
    try {
      await work();
      setState({ busy: false, error: null });
      onDone();
    } catch (error) {
      setState({ busy: false, error: error instanceof ApiError && error.issues.length > 0 ? `${error.message} ${error.issues.map((i) => i.message).join(' ')}` : errorMessage(error) });
    }
  };
  return { ...state, run };
}

function AnswerForm({ a, onDone }: { a: AuthorisationDetail; onDone(): void }) {
  const [answer, setAnswer] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const action = useAction();
  const answerId = useId();
  const fileId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const chosen = file.current?.files?.[0];
      if (chosen) await authorisationsApi.addAttachment(a.agb, a.id, 'record', chosen);
      await authorisationsApi.answer(a.agb, a.id, answer);
    }, onDone);
  };
  return (
    <section className="panel" aria-labelledby="antwoord">
      <h2 id="antwoord">Nadere informatie geven</h2>
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={answerId}>Uw antwoord</label>
          <textarea id={answerId} rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={fileId}>Bijlage (optioneel)</label>
          <input id={fileId} type="file" ref={file} accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" />
        </div>
        <button type="submit" className="button button-primary" disabled={action.busy}>
          Antwoord versturen
        </button>
        <div aria-live="polite">{action.error && <ErrorMessage title="Niet verstuurd">{action.error}</ErrorMessage>}</div>
      </form>
    </section>
  );
}

function InsurerActions({ a, onDone }: { a: AuthorisationDetail; onDone(): void }) {
  const [question, setQuestion] = useState('');
  const [consultationDate, setConsultationDate] = useState(a.clock.consultation_date ?? '');
  const [note, setNote] = useState('');
  const schedule = useAction();
  const dateId = useId();
  const noteId = useId();
  const [decision, setDecision] = useState<'approve' | 'reject' | ''>('');
  const [reason, setReason] = useState('');
  const ask = useAction();
  const decide = useAction();
  const questionId = useId();
  const reasonId = useId();
  return (
    <>
      <section className="panel" aria-labelledby="besluiten">
        <h2 id="besluiten">Besluiten</h2>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (decision) void decide.run(() => authorisationsApi.decide(a.id, decision, reason), onDone);
          }}
        >
          <fieldset className="field">
            <legend>Besluit</legend>
            <div className="radio-row">
              <div className="radio">
                <input type="radio" id="besluit-goed" name="besluit" checked={decision === 'approve'} onChange={() => setDecision('approve')} required />
                <label htmlFor="besluit-goed">Goedkeuren</label>
              </div>
              <div className="radio">
                <input type="radio" id="besluit-af" name="besluit" checked={decision === 'reject'} onChange={() => setDecision('reject')} />
                <label htmlFor="besluit-af">Afwijzen</label>
              </div>
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={reasonId}>Motivering</label>
            <textarea id={reasonId} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
          <button type="submit" className="button button-primary" disabled={decide.busy || decision === ''}>
            Besluit vastleggen
          </button>
          <div aria-live="polite">{decide.error && <ErrorMessage title="Niet vastgelegd">{decide.error}</ErrorMessage>}</div>
        </form>
      </section>
      {a.status === 'submitted' && (
        <section className="panel" aria-labelledby="vraag">
          <h2 id="vraag">Nadere informatie vragen</h2>
          <p className="hint">De beslistermijn staat stil tot de zorgaanbieder antwoordt; de resterende werkdagen blijven staan.</p>
          <form
            className="form"
            onSubmit={(e) => {
              e.preventDefault();
              void ask.run(() => authorisationsApi.requestInformation(a.id, question), onDone);
            }}
          >
            <div className="field">
              <label htmlFor={questionId}>Vraag aan de zorgaanbieder</label>
              <textarea id={questionId} rows={3} value={question} onChange={(e) => setQuestion(e.target.value)} required />
            </div>
            <button type="submit" className="button button-secondary" disabled={ask.busy}>
              Vraag versturen
            </button>
            <div aria-live="polite">{ask.error && <ErrorMessage title="Niet verstuurd">{ask.error}</ErrorMessage>}</div>
          </form>
        </section>
      )}
      <section className="panel" aria-labelledby="spreekuur">
        <h2 id="spreekuur">{a.clock.consultation_date ? 'Spreekuur verzetten' : 'Beoordeling op het spreekuur plannen'}</h2>
        <p className="hint">
          Nadere beoordeling op het spreekuur van de adviserend tandarts (MSZ Bijlage 1 art. 6 item 22): de beslistermijn staat stil van de dag na het
          inplannen tot en met de dag van het spreekuur. Verzetten vóór of op die dag verplaatst de datum.
        </p>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void schedule.run(() => authorisationsApi.scheduleConsultation(a.id, consultationDate, note), onDone);
          }}
        >
          <div className="field">
            <label htmlFor={dateId}>Datum van het spreekuur</label>
            <input id={dateId} type="date" value={consultationDate} onChange={(e) => setConsultationDate(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor={noteId}>Toelichting voor de zorgaanbieder (optioneel)</label>
            <textarea id={noteId} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button button-secondary" disabled={schedule.busy || consultationDate === ''}>
            Spreekuur vastleggen
          </button>
          <div aria-live="polite">{schedule.error && <ErrorMessage title="Niet vastgelegd">{schedule.error}</ErrorMessage>}</div>
        </form>
      </section>
    </>
  );
}

function WithdrawForm({ a, onDone }: { a: AuthorisationDetail; onDone(): void }) {
  const action = useAction();
  return (
    <section aria-labelledby="intrekken">
      <h2 id="intrekken">Aanvraag intrekken</h2>
      <p>Gaat de behandeling niet door, trek de aanvraag dan in. Dat is definitief.</p>
      <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => void action.run(() => authorisationsApi.withdraw(a.agb, a.id), onDone)}>
        Aanvraag {a.id} intrekken
      </button>
      <div aria-live="polite">{action.error && <ErrorMessage title="Niet ingetrokken">{action.error}</ErrorMessage>}</div>
    </section>
  );
}

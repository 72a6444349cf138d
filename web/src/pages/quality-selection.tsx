/**
 * Tab "Minimumnormen en selectieve inkoop" of the quality screen (MSZ §2, Bijlage 2, 3): per Bijlage 2
 * treatment whether the provider is selected and why (its answers, the recorded fact, or no norm),
 * per selective-purchasing entry the same, and what applying the status would change on the
 * provider record the claim checks read. A purchaser applies it.
 */
import { useState } from 'react';
import { errorMessage } from '../api';
import { qualityApi, type Selection } from '../api-quality';
import { ReasonView } from '../components/reasons';
import { ErrorMessage, Loaded, TableScroll, TagList } from '../components/status';
import { yesNo } from '../format';
import { useReloadableResource } from '../use-resource';

const determinedLabels: Record<Selection['treatments'][number]['determined_by'], string> = {
  answers: 'Uw antwoorden',
  recorded: 'Vastgelegd bij de aanbieder',
  'no-norm': 'Geen minimumnorm',
};

export function SelectionPanel({ agb, year, canApply }: { agb: string; year: number; canApply: boolean }) {
  const [selection, reload] = useReloadableResource((signal) => qualityApi.selection(agb, year, signal), [agb, year]);
  return (
    <>
      <h2>Minimumnormen en selectieve inkoop {year}</h2>
      <p className="hint">
        Voor minimumnormzorg (bijlage 2) en selectief ingekochte zorg (MSZ §2) vergoeden wij alleen bij geselecteerde aanbieders; de
        declaratiecontrole gebruikt de vastgelegde selectie.
      </p>
      <Loaded resource={selection} what="Selectie">
        {(s) => <SelectionView selection={s} canApply={canApply} onApplied={reload} />}
      </Loaded>
    </>
  );
}

function SelectionView({ selection: s, canApply, onApplied }: { selection: Selection; canApply: boolean; onApplied(): void }) {
  const changes = s.changes;
  const changeCount = changes.minimum_norms.added.length + changes.minimum_norms.removed.length + changes.programmes.added.length + changes.programmes.removed.length;
  return (
    <>
      <section aria-labelledby="selectie-behandelingen">
        <h3 id="selectie-behandelingen">Per behandeling (bijlage 2)</h3>
        <TableScroll label="Tabel minimumnormen per behandeling">
          <table className="data-table selection-table">
            <caption className="visually-hidden">Selectie per behandeling</caption>
            <thead>
              <tr>
                <th scope="col">Behandeling</th>
                <th scope="col">Normen van</th>
                <th scope="col">Geselecteerd</th>
                <th scope="col">Bepaald door</th>
                <th scope="col">Waarom</th>
              </tr>
            </thead>
            <tbody>
              {s.treatments.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    {t.treatment}
                    <span className="muted"> · {t.group}</span>
                  </th>
                  <td>{t.norm_sources.length > 0 ? t.norm_sources.join(', ') : '—'}</td>
                  <td>
                    <span className={`verdict ${t.selected ? 'verdict-yes' : 'verdict-no'}`}>{yesNo(t.selected)}</span>
                  </td>
                  <td>{determinedLabels[t.determined_by]}</td>
                  <td className="wide">
                    {t.reasons.map((r, i) => (
                      <ReasonView key={`${r.rule}-${i}`} reason={r} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="selectie-selectief">
        <h3 id="selectie-selectief">Selectieve inkoop</h3>
        <TableScroll label="Tabel selectieve inkoop">
          <table className="data-table">
            <caption className="visually-hidden">Selectieve inkoop</caption>
            <thead>
              <tr>
                <th scope="col">Zorg</th>
                <th scope="col">Selectief dit jaar</th>
                <th scope="col">Geselecteerd</th>
                <th scope="col">Waarom</th>
              </tr>
            </thead>
            <tbody>
              {s.selective_purchasing.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.title}</th>
                  <td>{yesNo(p.selective)}</td>
                  <td>
                    <span className={`verdict ${p.selected ? 'verdict-yes' : 'verdict-no'}`}>{yesNo(p.selected)}</span>
                  </td>
                  <td className="wide">
                    <ReasonView reason={p.reason} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="selectie-vastleggen">
        <h3 id="selectie-vastleggen">Vastgelegd bij de zorgaanbieder</h3>
        <div className="columns">
          <div>
            <p className="text-label">Minimumnormen</p>
            <TagList items={s.minimum_norms} />
          </div>
          <div>
            <p className="text-label">Programma&apos;s</p>
            <TagList items={s.programmes} />
          </div>
        </div>
        {changeCount === 0 ? (
          <p>De vastgelegde gegevens komen overeen met deze selectie.</p>
        ) : (
          <>
            <p>Vastleggen verandert:</p>
            <ul className="plain-list">
              <Change label="Minimumnormen erbij" items={changes.minimum_norms.added} />
              <Change label="Minimumnormen eraf" items={changes.minimum_norms.removed} />
              <Change label="Programma's erbij" items={changes.programmes.added} />
              <Change label="Programma's eraf" items={changes.programmes.removed} />
            </ul>
            {canApply ? <ApplyButton agb={s.agb} year={s.year} onApplied={onApplied} /> : <p className="hint">Een zorginkoper legt de selectie vast.</p>}
          </>
        )}
      </section>
    </>
  );
}

function Change({ label, items }: { label: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <li>
      {label}: {items.join(', ')}
    </li>
  );
}

function ApplyButton({ agb, year, onApplied }: { agb: string; year: number; onApplied(): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await qualityApi.applySelection(agb, year);
      onApplied();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <div aria-live="assertive">{failure && <ErrorMessage title="Niet vastgelegd">{failure}</ErrorMessage>}</div>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void apply()}>
        {busy ? 'Bezig met vastleggen…' : 'Selectie vastleggen'}
      </button>
    </>
  );
}

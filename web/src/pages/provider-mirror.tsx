/**
 * Tab "Spiegelinformatie" of a provider (ADD §8): its claiming against comparable providers, per
 * topic of ADD §8 (correct declareren en registreren, gepast gebruik, juiste zorg, feitelijke
 * levering, doelmatigheid). Per indicator the provider's own value, the peers' band (P10-P90,
 * P25-P75, median) as a small box plot with its text equivalent, the signal and the explanation.
 * Anonymous: the report holds only the provider's own figures and the peers' percentiles.
 */
import { api, type MirrorIndicator, type MirrorReport } from '../api';
import { PeerBand, PeerBandLegend } from '../components/peer-band';
import { ReasonInputs, RuleRef } from '../components/reasons';
import { Loaded } from '../components/status';
import { formatIndicatorValue, formatNumber, formatRank, label, mirrorSignalLabels, mirrorTopicLabels } from '../format';
import { useResource } from '../use-resource';

const PEER_TYPE_LABELS: Record<string, string> = {
  umc: "umc's",
  ziekenhuis: 'algemene ziekenhuizen',
  zbc: 'zelfstandige behandelcentra',
  categoraal: 'categorale instellingen',
};

const SIGNALS = ['above-p90', 'above-p75', 'normal', 'below-p25'] as const;

export function MirrorPanel({ agb, year }: { agb: string; year: number }) {
  const report = useResource((signal) => api.mirror(agb, year, signal), [agb, year]);
  return (
    <>
      <h2>Spiegelinformatie {year}</h2>
      <p>
        <a href={`/api/providers/${encodeURIComponent(agb)}/mirror.pdf?year=${year}`} download>
          Download als PDF
        </a>
      </p>
      <Loaded resource={report} what="Spiegelinformatie">
        {(r) => <MirrorView report={r} />}
      </Loaded>
    </>
  );
}

function MirrorView({ report: r }: { report: MirrorReport }) {
  const topics = Object.keys(mirrorTopicLabels).filter((t) => r.indicators.some((i) => i.topic === t));
  const count = (signal: string) => r.indicators.filter((i) => i.signal === signal).length;
  return (
    <>
      <div className="alert alert-info mirror-notice">
        <p className="alert-title">Over deze spiegelinformatie</p>
        <p>{r.notice.message}</p>
        <RuleRef rule={r.notice.rule} source={r.notice.source} />
      </div>
      <dl className="facts facts-inline">
        <div>
          <dt>Vergeleken met</dt>
          <dd>
            {formatNumber(r.peer_group.providers)} {PEER_TYPE_LABELS[r.peer_group.type] ?? r.peer_group.type}
          </dd>
        </div>
        <div>
          <dt>Uw patiënten in {r.year}</dt>
          <dd>{formatNumber(r.own.patients)}</dd>
        </div>
        <div>
          <dt>Minimum per aanbieder</dt>
          <dd>{formatNumber(r.peer_group.min_patients)} patiënten</dd>
        </div>
        <div>
          <dt>Indicatoren</dt>
          <dd>{formatNumber(r.indicators.length)}</dd>
        </div>
      </dl>
      {r.indicators.length > 0 && (
        <ul className="badges" aria-label="Signalen">
          {SIGNALS.map((s) => (
            <li key={s}>
              <span className={`badge badge-signal-${s}`}>
                {label(mirrorSignalLabels, s)}: {count(s)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {r.indicators.length === 0 ? (
        <p className="empty">Er zijn geen indicatoren die anoniem met vergelijkbare aanbieders kunnen worden vergeleken.</p>
      ) : (
        <>
          <PeerBandLegend />
          {topics.map((topic) => (
            <section key={topic} aria-labelledby={`topic-${topic}`} className="mirror-topic">
              <h3 id={`topic-${topic}`}>
                {label(mirrorTopicLabels, topic)} <span className="source-ref">ADD §8</span>
              </h3>
              <ol className="indicator-list" aria-label={`Indicatoren: ${label(mirrorTopicLabels, topic)}`}>
                {r.indicators
                  .filter((i) => i.topic === topic)
                  .map((i) => (
                    <IndicatorCard key={`${i.id}@${i.specialism ?? ''}`} indicator={i} />
                  ))}
              </ol>
            </section>
          ))}
        </>
      )}
      {r.omitted.length > 0 && (
        <details className="why">
          <summary>Niet getoonde indicatoren ({r.omitted.length})</summary>
          <ul className="plain-list">
            {r.omitted.map((o, n) => (
              <li key={`${o.id}@${o.specialism ?? ''}-${n}`}>
                {o.label}: {o.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="hint">
        Percentielen door lineaire interpolatie; percentielrang als mid-rank. Alle indicatoren zijn zo gekozen dat een hogere
        waarde om aandacht vraagt.
      </p>
    </>
  );
}

function IndicatorCard({ indicator: i }: { indicator: MirrorIndicator }) {
  const headingId = `ind-${i.id}-${i.specialism ?? 'all'}`.replace(/[^\w-]/g, '-');
  return (
    <li className={`indicator signal-${i.signal}`}>
      <div className="indicator-head">
        <h4 id={headingId} className="indicator-title">
          {i.label}
        </h4>
        <span className={`badge badge-signal-${i.signal}`}>{label(mirrorSignalLabels, i.signal)}</span>
      </div>
      <div className="indicator-body">
        <dl className="indicator-figures">
          <div>
            <dt>Uw waarde</dt>
            <dd className="indicator-value">{formatIndicatorValue(i.value, i.unit)}</dd>
          </div>
          <div>
            <dt>Mediaan vergelijkbare aanbieders</dt>
            <dd>{formatIndicatorValue(i.percentiles.p50, i.unit)}</dd>
          </div>
          <div>
            <dt>Uw positie</dt>
            <dd>{formatRank(i.rank)}</dd>
          </div>
        </dl>
        <PeerBand indicator={i} />
      </div>
      <p className="reason-message">{i.reason.message}</p>
      <RuleRef rule={i.reason.rule} source={i.reason.source} />
      <ReasonInputs inputs={i.reason.inputs} />
    </li>
  );
}

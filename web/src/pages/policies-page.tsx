/** The policy files the system knows: one per policy year and kind. */
import { api } from '../api';
import { Loaded, TableScroll } from '../components/status';
import { label } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';

export const policyKindLabels: Record<string, string> = {
  msz: 'Medisch-specialistische zorg',
  'add-on': 'Add-on geneesmiddelen',
  addon: 'Add-on geneesmiddelen',
  'addon-drugs': 'Add-on geneesmiddelen',
};

export function PoliciesPage() {
  const policies = useResource((signal) => api.policies(signal), []);
  return (
    <article>
      <h1>Inkoopbeleid</h1>
      <p>Het gepubliceerde inkoopbeleid per jaar, zoals het systeem het toepast: termijnen, drempels, lijsten en parameters.</p>
      <Loaded resource={policies} what="Inkoopbeleid">
        {(list) =>
          list.length === 0 ? (
            <p className="empty">Er is nog geen inkoopbeleid geladen.</p>
          ) : (
            <TableScroll label="Tabel inkoopbeleid">
              <table className="data-table">
                <caption className="visually-hidden">Inkoopbeleid</caption>
                <thead>
                  <tr>
                    <th scope="col">Titel</th>
                    <th scope="col">Soort</th>
                    <th scope="col" className="numeric">
                      Jaar
                    </th>
                    <th scope="col">Versie</th>
                    <th scope="col">Id</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/policies/${encodeURIComponent(p.id)}`}>{p.title}</Link>
                      </td>
                      <td>{label(policyKindLabels, p.kind)}</td>
                      <td className="numeric">{p.policy_year}</td>
                      <td>{String(p.version)}</td>
                      <td className="code">{p.id}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </Loaded>
    </article>
  );
}

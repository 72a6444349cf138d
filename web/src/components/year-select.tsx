/**
 * The contract year of the public pages (`?jaar=`): 2018 unless the address says otherwise. The
 * list offers the years of the 2018 policy's longest agreement (transitieafspraak 2018-2020,
 * MSZ §2); a year from the address outside it (2000-2100, as the API accepts) is added.
 */
export const DEFAULT_PUBLIC_YEAR = 2018;
const OFFERED_YEARS = [2018, 2019, 2020];

export function publicYearFrom(param: string | null): number {
  if (param === null || !/^\d{4}$/.test(param.trim())) return DEFAULT_PUBLIC_YEAR;
  const year = Number(param);
  return year >= 2000 && year <= 2100 ? year : DEFAULT_PUBLIC_YEAR;
}

export function YearSelect({ id, value, onChange, label = 'Contractjaar' }: { id: string; value: number; onChange(year: number): void; label?: string }) {
  const years = OFFERED_YEARS.includes(value) ? OFFERED_YEARS : [...OFFERED_YEARS, value].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Tabs after the WAI-ARIA Authoring Practices: a `tablist` of buttons with a roving tabindex (Tab
 * enters the list at the selected tab, arrow keys, Home and End move and select, Tab again goes into
 * the panel). Only the selected panel is rendered. The selected tab is kept in the address (`?tab=`),
 * so a tab can be linked to and survives a reload.
 */
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { navigate, useLocation } from '../router';

export interface TabDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export function Tabs({ tabs, label, param = 'tab' }: { tabs: readonly TabDef[]; label: string; param?: string }) {
  const location = useLocation();
  const base = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const wanted = location.search.get(param);
  const selected = tabs.find((t) => t.id === wanted) ?? tabs[0];
  if (!selected) return null;

  const select = (id: string, focus: boolean) => {
    const search = new URLSearchParams(location.search);
    if (id === tabs[0]?.id) search.delete(param);
    else search.set(param, id);
    const query = search.toString();
    navigate(`${location.pathname}${query ? `?${query}` : ''}`, { replace: true });
    if (focus) buttons.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target];
    if (tab) select(tab.id, true);
  };

  const tabId = (id: string) => `${base}-tab-${id}`;
  const panelId = (id: string) => `${base}-panel-${id}`;

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => {
          const active = tab.id === selected.id;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                if (el) buttons.current.set(tab.id, el);
                else buttons.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={tabId(tab.id)}
              aria-selected={active}
              // Only the selected panel exists, so only its tab points to it.
              aria-controls={active ? panelId(tab.id) : undefined}
              tabIndex={active ? 0 : -1}
              className="tab"
              onClick={() => select(tab.id, false)}
              onKeyDown={(e) => onKeyDown(e, index)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={panelId(selected.id)} aria-labelledby={tabId(selected.id)} tabIndex={0} className="tab-panel" key={selected.id}>
        {selected.render()}
      </div>
    </div>
  );
}

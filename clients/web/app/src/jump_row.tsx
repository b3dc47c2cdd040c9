// A row of big buttons at the top of the delegate's page between sittings (活动签到 / 我的提案 /
// 我的联系 / 我的履职): each scrolls its section to the top of the screen, a folded section
// (我的履职) opening as it comes. Only the sections on the page get a button; the row watches
// the page, since a section may appear later (活动签到 once an activity invites the delegate).
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "./i18n";
import "./jump_row.css";

/** The sections a button can jump to: the section's data-testid and the button's string key. */
export const JUMP_SECTIONS = [
  { testid: "my-activities", label: "jump_activities" },
  { testid: "my-proposals", label: "jump_proposals" },
  { testid: "my-contacts", label: "jump_contacts" },
  { testid: "my-performance", label: "jump_performance" },
] as const;

function sectionOf(scope: Element | null, testid: string): HTMLElement | null {
  return (scope?.querySelector(`[data-testid="${testid}"]`) as HTMLElement | null) ?? null;
}

/** The row; it looks for the sections among the siblings that follow it on the page. */
export function JumpRow() {
  const nav = useRef<HTMLElement>(null);
  const [present, setPresent] = useState<string[]>([]);
  useEffect(() => {
    const scope = nav.current?.parentElement ?? null;
    if (!scope) return;
    const look = () => {
      const now = JUMP_SECTIONS.filter((s) => sectionOf(scope, s.testid)).map((s) => s.testid);
      setPresent((was) => (was.join() === now.join() ? was : now));
    };
    look();
    const watcher = new MutationObserver(look);
    watcher.observe(scope, { childList: true, subtree: true });
    return () => watcher.disconnect();
  }, []);
  const jump = (testid: string) => {
    const target = sectionOf(nav.current?.parentElement ?? null, testid);
    if (!target) return;
    if (target instanceof HTMLDetailsElement && !target.open) target.open = true;
    target.scrollIntoView({ block: "start" });
  };
  return (
    <nav ref={nav} class="jump-row" aria-label={t("jump_nav")} data-testid="jump-row" hidden={present.length === 0}>
      {JUMP_SECTIONS.filter((s) => present.includes(s.testid)).map((s) => (
        <button key={s.testid} type="button" class="jump-button" onClick={() => jump(s.testid)} data-testid={`jump-${s.testid}`}>
          {t(s.label)}
        </button>
      ))}
    </nav>
  );
}

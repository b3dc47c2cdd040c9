// The current language and the lookup of strings (tables in strings.ts): `t(key, args)`
// replaces {name} placeholders; a missing key falls back to Simplified Chinese, then the key.
import { signal } from "./signal";
import { en, zhCN, zhTW, type Table } from "./strings";

/** The languages offered; zh-CN is the default. */
export type Lang = "zh-CN" | "zh-TW" | "en";
export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en"];
export const LANG_NAMES: Record<Lang, string> = { "zh-CN": "简体", "zh-TW": "繁體", en: "EN" };

const tables: Record<Lang, Table> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

// The address's ?lang= first (a projector without language buttons is set up by its URL), then
// the language last chosen on this device, then Simplified Chinese.
function initialLang(): Lang {
  const fromUrl = typeof location !== "undefined" ? new URLSearchParams(location.search).get("lang") : null;
  if (fromUrl && (LANGS as readonly string[]).includes(fromUrl)) return fromUrl as Lang;
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem("plenum.lang") : null;
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  return "zh-CN";
}

/** The current language; components re-render when it changes. */
export const lang = signal<Lang>(initialLang());

/** Switches the language, remembers it on this device and sets the document's lang. */
export function setLang(l: Lang): void {
  lang.set(l);
  try {
    localStorage.setItem("plenum.lang", l);
  } catch {
    // private mode: the choice lasts for the page only
  }
  document.documentElement.lang = l === "en" ? "en" : l === "zh-TW" ? "zh-Hant-TW" : "zh-Hans-CN";
}

/** The string `key` in the current language with {placeholders} filled. */
export function t(key: string, args: Record<string, string | number> = {}): string {
  const text = tables[lang.get()][key] ?? zhCN[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(args[name] ?? `{${name}}`));
}

/** Whether `key` exists in the tables (for optional translations such as error codes). */
export function has(key: string): boolean {
  return key in zhCN;
}

/** Every table (for the completeness test). */
export const TABLES = tables;

/** `key`'s string followed by the language's colon ("：" in Chinese, ": " in English). */
export function label(key: string): string {
  return t(key) + (lang.get() === "en" ? ": " : "：");
}

/** The separator of a list of names ("、" in Chinese, ", " in English). */
export function listSep(): string {
  return lang.get() === "en" ? ", " : "、";
}

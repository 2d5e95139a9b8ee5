/** The preview page's stylesheet (plain CSS, inlined in the page). */
export const PAGE_CSS = `
:root { color-scheme: light; --bg: #eef0f3; --panel: #ffffff; --ink: #1d2330; --muted: #5b6475; --line: #d5d9e0;
  --accent: #2456d3; --warn-bg: #fff6dd; --warn-ink: #6b4a00; --err-bg: #fde8e8; --err-ink: #8a1414; }
body.dark { color-scheme: dark; --bg: #16181d; --panel: #22252c; --ink: #e8eaef; --muted: #a3abba; --line: #3a3f4a;
  --accent: #7fa2ff; --warn-bg: #3b3215; --warn-ink: #f3d98b; --err-bg: #4a1d1d; --err-ink: #ffc9c9; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { display: flex; flex-direction: column; background: var(--bg); color: var(--ink);
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; }
header.bar { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 8px 12px;
  background: var(--panel); border-bottom: 1px solid var(--line); }
.group { display: flex; gap: 6px; align-items: center; }
label { color: var(--muted); display: flex; gap: 4px; align-items: center; }
select, input, button { font: inherit; color: var(--ink); background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 8px; }
button { cursor: pointer; }
button:disabled { opacity: .5; cursor: not-allowed; }
.seg { gap: 0; }
.seg button { border-radius: 0; margin-left: -1px; }
.seg button:first-child { border-radius: 6px 0 0 6px; margin-left: 0; }
.seg button:last-child { border-radius: 0 6px 6px 0; }
.seg button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
body.dark .seg button[aria-pressed="true"] { color: #0b1020; }
select#issue { max-width: 24em; }
section.meta.stale .v:not(#status) { opacity: .5; }
.actions { margin-left: auto; }
.actions form { display: flex; gap: 6px; }
.actions input { width: 14em; }
section.meta { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; padding: 8px 12px;
  background: var(--panel); border-bottom: 1px solid var(--line); }
.meta .k { color: var(--muted); }
.meta .v { overflow-wrap: anywhere; }
#size.clipped { color: var(--err-ink); font-weight: 600; }
#warnings { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px; }
#warnings li { background: var(--warn-bg); color: var(--warn-ink); border-radius: 4px; padding: 1px 6px; }
#warnings li.none { background: none; color: var(--muted); padding: 0; }
#status { color: var(--muted); min-height: 1.4em; }
#status.failed { color: var(--err-ink); }
#error { margin: 8px 12px 0; padding: 10px 12px; background: var(--err-bg); color: var(--err-ink);
  border: 1px solid currentColor; border-radius: 6px; }
#error[hidden] { display: none; }
#error pre { margin: 6px 0; white-space: pre-wrap; font: 13px/1.4 ui-monospace, Menlo, Consolas, monospace; }
#error p { margin: 0; }
main.stage { flex: 1; display: flex; justify-content: center; align-items: stretch; padding: 12px; min-height: 0; }
main.stage iframe { border: 1px solid var(--line); background: #fff; width: 100%; max-width: 1000px; height: 100%; }
body.dark main.stage iframe { background: #000; }
main.stage.phone { padding: 20px; }
main.stage.phone iframe { width: 360px; max-width: 360px; height: min(100%, 780px); border: 0; border-radius: 14px;
  box-shadow: 0 0 0 8px #2b2f38; }
main.stage pre#text { width: 100%; max-width: 760px; margin: 0; padding: 16px; overflow: auto; white-space: pre-wrap;
  background: var(--panel); border: 1px solid var(--line); font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; }
main.stage.phone pre#text { max-width: 360px; }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  header.bar .group { flex-wrap: wrap; max-width: 100%; }
  select#issue, select#style { max-width: calc(100vw - 90px); }
  .actions { margin-left: 0; flex-wrap: wrap; }
  .actions form { flex-wrap: wrap; max-width: 100%; }
  .actions input { width: auto; flex: 1; min-width: 0; }
}
`;

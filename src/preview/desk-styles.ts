/** The desk panel's stylesheet: the outline of the issue beside the email, stacked above it on a narrow screen. */
export const DESK_CSS = `
.work { flex: 1; display: flex; min-height: 0; }
.work > main.stage { min-width: 0; }
aside#desk { width: 440px; flex: none; overflow: auto; padding: 10px 12px 40px; background: var(--panel);
  border-right: 1px solid var(--line); }
@media (max-width: 900px) {
  .work { flex-direction: column; overflow: auto; }
  aside#desk { width: auto; border-right: 0; border-bottom: 1px solid var(--line); overflow: visible; }
  .work > main.stage { min-height: 80vh; }
}
#desk h2 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
#desk .row { display: flex; gap: 6px; align-items: center; margin: 4px 0; }
#desk .row > label { flex: none; width: 4.5em; }
#desk input[type="text"], #desk input[type="search"], #desk textarea { flex: 1; width: 100%; min-width: 0; }
#desk textarea { font: inherit; color: var(--ink); background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 4px 6px; resize: vertical; min-height: 2.2em; field-sizing: content; }
#desk textarea:focus, #desk input:focus, #desk button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
#desk ol.cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
#desk li.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px; background: var(--bg); }
#desk li.card.dragging { opacity: .4; }
#desk li.card.drop-target { box-shadow: 0 -3px 0 var(--accent); }
#desk .tools { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
#desk .tools .num { font-weight: 700; color: var(--accent); margin-right: 4px; cursor: grab; }
#desk .tools button { padding: 1px 7px; }
#desk .tools button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: #fff; }
#desk .field { margin: 6px 0 0; }
#desk .field > .k { display: block; font-size: 12px; color: var(--muted); margin: 0 0 2px; }
#desk .sentence { display: flex; gap: 4px; align-items: flex-start; margin: 2px 0; }
#desk .sentence button { flex: none; }
#desk ul.alts { list-style: none; margin: 2px 0 6px 0; padding: 4px; border: 1px dashed var(--line); border-radius: 6px; }
#desk ul.alts li { margin: 2px 0; }
#desk ul.alts button { text-align: left; width: 100%; white-space: normal; }
#desk ul.alts .pub { color: var(--muted); font-size: 12px; }
#desk .picture { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; font-size: 12px; color: var(--muted); }
#desk .picture .url { overflow-wrap: anywhere; flex: 1 1 100%; }
#desk #found { list-style: none; margin: 4px 0; padding: 0; }
#desk #found li { display: flex; gap: 6px; align-items: center; margin: 3px 0; }
#desk #found li span { flex: 1; }
#desk-status { min-height: 1.4em; color: var(--muted); margin: 6px 0; }
#desk-status.failed { color: var(--err-ink); font-weight: 600; }
#desk.locked .cards, #desk.locked .edit, #desk.locked #find { opacity: .6; pointer-events: none; }
#desk select { max-width: 100%; min-width: 0; }
#desk .picture select { flex: 1 1 12em; }
`;

// The page's styles, shipped inside its chunk (a separate CSS file of a lazy
// chunk is not preloaded by the console's entry). Plain HTML controls, laid out
// like the paper sheet on a wide screen (a row per unit, a column per level)
// and stacked on a phone.

export const BALLOT_CSS = `
.pb-page { min-height: 100vh; background: #f6f6f4; color: #1d1d1d; font-size: 16px; line-height: 1.5; }
.pb-header { background: #9f1c1c; color: #fff; }
.pb-header-inner, .pb-main { max-width: 1100px; margin: 0 auto; padding: 12px 16px; }
.pb-header-inner { display: flex; align-items: center; gap: 12px; }
.pb-header h1 { font-size: 1.2rem; margin: 0; flex: 1; font-weight: 600; }
.pb-lang { background: transparent; color: #fff; border: 1px solid rgba(255, 255, 255, 0.7); border-radius: 4px; padding: 6px 12px; font: inherit; cursor: pointer; min-height: 40px; }
.pb-card { background: #fff; border: 1px solid #ddd; border-radius: 8px; padding: 20px; margin: 16px 0; }
.pb-card h2 { margin: 0 0 8px; font-size: 1.3rem; }
.pb-muted { color: #555; }
.pb-field { display: flex; flex-direction: column; gap: 6px; margin: 16px 0; }
.pb-field label { font-weight: 600; }
.pb-code { font: 1.3rem/1.4 "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 0.08em; padding: 10px 12px; border: 2px solid #888; border-radius: 6px; max-width: 22rem; text-transform: uppercase; }
.pb-code:focus, .pb-opinion textarea:focus { outline: 3px solid #2f5286; outline-offset: 1px; border-color: #2f5286; }
.pb-button { background: #2f5286; color: #fff; border: 0; border-radius: 6px; padding: 10px 22px; font: inherit; font-weight: 600; cursor: pointer; min-height: 44px; }
.pb-button[disabled] { background: #8a9bb5; cursor: default; }
.pb-button:focus-visible, .pb-lang:focus-visible, .pb-link:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.pb-link { background: none; border: 0; color: #2f5286; text-decoration: underline; font: inherit; cursor: pointer; padding: 4px 6px; min-height: 32px; }
.pb-alert { border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.pb-alert-error { background: #fdecea; border: 1px solid #e0a8a1; color: #611a15; }
.pb-alert-info { background: #e8f0fb; border: 1px solid #b5c8e6; color: #1b3a66; }
.pb-nowrap { white-space: nowrap; }
.pb-visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* the sheet: a header row, then one fieldset per unit (its legend read by
   screen readers) holding a grid row that lines up with the header */
.pb-sheet { --levels: 6; background: #fff; border: 1px solid #bbb; border-radius: 8px; overflow: hidden; }
.pb-row { display: grid; grid-template-columns: minmax(9rem, 1.6fr) repeat(var(--levels), minmax(4.2rem, 1fr)) 4.5rem; align-items: center; }
.pb-head { background: #efefec; font-weight: 600; font-size: 0.95rem; }
.pb-head > div { padding: 8px 6px; text-align: center; }
.pb-head > div:first-child { text-align: left; padding-left: 12px; }
.pb-unit { border: 0; border-top: 1px solid #ddd; margin: 0; padding: 0; min-inline-size: 0; }
.pb-unit:nth-of-type(even) { background: #fafaf8; }
.pb-unit-rated .pb-unit-name::after { content: " ✓"; color: #2e7d32; }
.pb-unit-name { grid-column: 1; padding: 10px 12px; font-weight: 600; }
.pb-choice { display: flex; justify-content: center; align-items: center; min-height: 48px; cursor: pointer; }
.pb-choice input { width: 22px; height: 22px; margin: 0; accent-color: #2f5286; cursor: pointer; }
.pb-choice-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.pb-actions { display: flex; justify-content: center; }
.pb-opinion { grid-column: 1 / -1; padding: 0 12px 12px; }
.pb-opinion textarea { width: 100%; box-sizing: border-box; min-height: 2.6em; padding: 8px 10px; border: 1px solid #999; border-radius: 6px; font: inherit; resize: vertical; }
.pb-counter { font-size: 0.85rem; color: #555; text-align: right; }
.pb-counter-near { color: #9f1c1c; font-weight: 600; }
.pb-footer { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; justify-content: space-between; margin: 16px 0 40px; }

/* a phone: each unit a block, its levels in two columns with their labels */
@media (max-width: 760px) {
  .pb-head { display: none; }
  .pb-row { grid-template-columns: 1fr 1fr; padding: 4px 0 8px; }
  .pb-unit-name { grid-column: 1 / -1; padding: 10px 12px 4px; }
  .pb-choice { justify-content: flex-start; gap: 10px; padding: 4px 12px; min-height: 44px; }
  .pb-choice-label { position: static; width: auto; height: auto; overflow: visible; clip: auto; }
  .pb-actions { grid-column: 1 / -1; justify-content: flex-start; padding: 0 6px; }
}
`;

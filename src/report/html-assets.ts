// Inline style and script for the self-contained HTML dossier (no external requests).
export const PAGE_STYLE = `
:root{--fg:#1d2327;--muted:#5f6b73;--line:#d8dee3;--claim:#e8f1fb;--deny:#fbeeea;--mark:#ffe58a}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:var(--fg)}
header{padding:1rem 1.5rem;border-bottom:1px solid var(--line)}header h1{margin:0 0 .25rem;font-size:1.5rem}header p{margin:0;color:var(--muted)}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1.5rem;padding:1rem 1.5rem}
@media (max-width:800px){main{grid-template-columns:1fr}}
h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}h3{font-size:1rem;margin:.8rem 0 .4rem}
.cite,.badge{display:inline-block;font-size:.75rem;padding:0 .35rem;margin-left:.2rem;border-radius:.6rem;background:#e4e8eb;color:#24434f;text-decoration:none}
.cite:focus,.cite:hover{background:#24434f;color:#fff;outline:none}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.75rem}@media (max-width:560px){.sides{grid-template-columns:1fr}}
.side{padding:.5rem .75rem;border-radius:.4rem;margin-bottom:.5rem}.side.claim{background:var(--claim)}.side.denial{background:var(--deny)}
.side p{margin:.25rem 0}.who{font-weight:600}.kind{font-size:.7rem;color:var(--muted);text-transform:uppercase}
.count{display:inline-block;min-width:1.5rem;text-align:center;background:#24434f;color:#fff;border-radius:.3rem;font-size:.8rem}
.facts li{margin-bottom:.4rem}.grid{border-collapse:collapse;margin:.5rem 0;font-size:.8rem}.grid th,.grid td{border:1px solid var(--line);padding:.1rem .4rem;text-align:center}.grid td.on{background:#cfe3d4}
.timeline time{font-weight:600;margin-right:.4rem}
.sources{max-height:100vh;overflow:auto;position:sticky;top:0}.source{border-top:1px solid var(--line);padding:.5rem 0}.meta{color:var(--muted);font-size:.85rem}
.text{font-size:.92rem}mark,.hl{background:var(--mark)}del{color:var(--muted)}
.notes{font-size:.85rem;color:var(--muted);margin:.15rem 0 .3rem;overflow-wrap:anywhere}.notes p,.notes ul{margin:.1rem 0}.label{font-weight:600}
.why summary{cursor:pointer}.why dl{margin:.2rem 0 .2rem 1rem}.why dl div{display:flex;flex-wrap:wrap;gap:0 .4rem}.why dt{font-weight:600}.why dt::after{content:':'}.why dd{margin:0}
.modality{display:inline-block;font-size:.7rem;text-transform:uppercase;border:1px solid var(--line);border-radius:.3rem;padding:0 .3rem}
.side .value{font-size:1.2rem;font-weight:700}.via{font-weight:400;color:var(--muted);font-size:.85rem}.owner{font-size:.8rem;background:#e4e8eb;border-radius:.3rem;padding:0 .3rem}
.groups{padding-left:1.1rem}.groups li{margin-bottom:.4rem;overflow-wrap:anywhere}.members{display:flex;flex-wrap:wrap;gap:.2rem .5rem;align-items:center}
.credit{display:inline-block;font-size:.72rem;font-weight:600;padding:0 .35rem;border:1px solid #24434f;border-radius:.3rem;color:#24434f}
.file{font-family:ui-monospace,monospace;font-size:.8rem}.tnote{color:var(--muted)}
.timeline{list-style:none;padding-left:0}.timeline>li{margin-bottom:.4rem}.timeline ul{margin:.1rem 0;padding-left:1.1rem}
/* Narrow screens (a 390 px phone): one column, nothing wider than the screen. Long words and URLs
   wrap anywhere; a table scrolls inside its own box instead of widening the page. */
header,main,.analysis,.sources,section,article,li,p,dd,.meta{min-width:0;overflow-wrap:anywhere}
.scroll{max-width:100%;overflow-x:auto}.grid th,.grid td{overflow-wrap:normal;white-space:nowrap}
@media (max-width:800px){.sources{position:static;max-height:none;overflow:visible}}
@media (max-width:480px){header{padding:.75rem}main{padding:.75rem;gap:.75rem}header h1{font-size:1.25rem}ol,ul{padding-left:1.2rem}.sides{gap:.4rem}}
`;

// Clicking a citation highlights exactly the cited characters in the sources pane and scrolls to them.
export const PAGE_SCRIPT = `
document.addEventListener('click', function (event) {
  var link = event.target.closest && event.target.closest('a.cite');
  if (!link) return;
  event.preventDefault();
  var id = link.getAttribute('data-article'), start = +link.getAttribute('data-start'), end = +link.getAttribute('data-end');
  document.querySelectorAll('.hl').forEach(function (el) { el.classList.remove('hl'); });
  var source = document.getElementById('src-' + id);
  if (!source) return;
  var first = null;
  source.querySelectorAll('[data-s]').forEach(function (piece) {
    if (+piece.getAttribute('data-s') >= start && +piece.getAttribute('data-e') <= end) { piece.classList.add('hl'); first = first || piece; }
  });
  (first || source).scrollIntoView({ behavior: 'smooth', block: 'center' });
});
`;

/** The widget's styles, scoped by its shadow root; system fonts only (no request for a font). */
export const widgetCss = `
:host{all:initial;display:block;height:100%;font:100%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616}
*{box-sizing:border-box}
.panel{display:flex;flex-direction:column;background:#fff;border:1px solid #929292;border-radius:.5rem;overflow:hidden;height:100%;min-height:24rem}
.floating .panel{position:fixed;right:1rem;bottom:1rem;width:min(26rem,calc(100vw - 2rem));height:min(40rem,calc(100vh - 2rem));z-index:2147483000;box-shadow:0 .25rem 1rem rgba(0,0,0,.3)}
@media (max-width:30rem){.floating .panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}
.launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000}
header{display:flex;align-items:center;gap:.5rem;padding:.5rem .75rem;background:var(--c);color:#fff}
h2{flex:1;margin:0;font-size:1.125rem;line-height:1.3}
h3{margin:0 0 .25rem;font-size:1.0625rem;line-height:1.3}
h4{margin:.5rem 0 .25rem;font-size:1rem}
button,.btn{font:inherit;min-height:2.75rem;padding:.5rem .875rem;border-radius:.375rem;border:2px solid var(--c);background:var(--c);color:#fff;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;justify-content:center}
button.secondary,.btn.secondary{background:#fff;color:var(--c)}
header button{background:transparent;border-color:#fff}
button:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
header :focus-visible{outline-color:#fff}
.status{margin:0;padding:0 .75rem;font-size:.9375rem;background:#fff4e5;color:#6b3d00}
.status:empty{display:none}
.status:not(:empty){padding:.375rem .75rem}
.log{position:relative;flex:1;min-height:10rem;overflow-y:auto;padding:.75rem;display:flex;flex-direction:column;gap:.625rem;background:#f6f6f6}
.msg{max-width:92%;padding:.5rem .75rem;border-radius:.75rem;white-space:pre-line;overflow-wrap:anywhere}
.bot{align-self:flex-start;background:#fff;border:1px solid #ddd}
.me{align-self:flex-end;background:#e3e3fd;color:#161616}
.error{align-self:flex-start;background:#ffe9e9;color:#8a1212;border:1px solid #ce0500}
.waiting{font-style:italic;color:#3a3a3a}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul.cards{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.625rem;width:100%}
.card{background:#fff;border:1px solid #bbb;border-left:.375rem solid var(--c);border-radius:.5rem;padding:.625rem .75rem;overflow-wrap:anywhere}
.card p{margin:.125rem 0}
.open{color:#18753c;font-weight:600}
.closed{color:#b34000;font-weight:600}
.card .actions{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 .25rem}
details{margin-top:.375rem}
summary{cursor:pointer;min-height:2.75rem;display:flex;align-items:center;color:var(--c);font-weight:600;text-decoration:underline}
details ul{margin:.25rem 0;padding-left:1.25rem}
a{color:var(--c)}
.choices{display:flex;flex-wrap:wrap;gap:.5rem}
.consent{margin:0 .75rem .5rem;padding:.5rem .75rem;border:1px solid #929292;border-radius:.375rem;background:#fff}
.consent p{margin:0 0 .5rem}
.consent div{display:flex;gap:.5rem;flex-wrap:wrap}
form{padding:.5rem .75rem .75rem;border-top:1px solid #ddd;background:#fff}
label{display:block;font-weight:600;margin-bottom:.25rem}
textarea{font:inherit;width:100%;min-height:3.25rem;max-height:10rem;padding:.5rem;border:1px solid #666;border-radius:.375rem;resize:vertical;color:#161616;background:#fff}
.hint{margin:.25rem 0 .5rem;font-size:.875rem;color:#3a3a3a}
.row{display:flex;gap:.5rem;flex-wrap:wrap;justify-content:space-between}
`

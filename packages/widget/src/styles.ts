/**
 * The widget's styles, scoped by its shadow root; system fonts only (no request for a font). Sizes are in `em`, so
 * that the A−/A+ control (the panel's font-size) scales everything, spacing included. Layouts:
 * - `.inline`: in the host page's container, on a wide screen;
 * - `.floating`: a panel at the bottom right of a wide screen, opened by the launcher;
 * - `.modal`: the whole screen, on a phone or at a high zoom (the page behind is inert);
 * - `.short` (any of them, on a short viewport: a phone held sideways, 200–400 % zoom): the message box on one row,
 *   with the tools beside it when the width allows, its label and hint read by screen readers only (the welcome
 *   message says the same), so the conversation keeps the height.
 */
export const widgetCss = `
:host{all:initial;display:block;height:100%;font:100%/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#161616}
*{box-sizing:border-box}
[hidden]{display:none!important}
.root,.inline{height:100%}
.panel{display:flex;flex-direction:column;background:#fff;border:1px solid #929292;border-radius:.5em;overflow:hidden;height:100%}
.floating .panel{position:fixed;right:1rem;bottom:1rem;width:min(26em,calc(100vw - 2rem));height:min(40em,calc(100vh - 2rem));z-index:2147483000;box-shadow:0 .25rem 1rem rgba(0,0,0,.3)}
.modal{position:fixed;left:0;top:0;width:100%;height:100%;z-index:2147483000;background:#fff}
.modal .panel{border:0;border-radius:0}
.launcher{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;box-shadow:0 .25rem 1rem rgba(0,0,0,.3)}
.intro{padding:.75em 1em;border:1px solid #929292;border-left:.375em solid var(--c);border-radius:.5em;background:#fff}
.intro p{margin:0 0 .75em}
.intro .title{font-weight:700;font-size:1.125em}
header{flex:none;display:flex;align-items:center;gap:.5em;padding:.375em .5em .375em .75em;background:var(--c);color:#fff}
h2{flex:1 1 auto;margin:0;font-size:1.125em;line-height:1.25}
h3{margin:0 0 .25em;font-size:1.0625em;line-height:1.3}
h4{margin:.5em 0 .25em;font-size:1em}
button,.btn{font:inherit;min-height:2.75em;padding:.5em .875em;border-radius:.375em;border:2px solid var(--c);background:var(--c);color:#fff;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;justify-content:center;text-align:center}
button.secondary,.btn.secondary{background:#fff;color:var(--c)}
header button{background:transparent;border-color:#fff;flex:none}
button:disabled{opacity:.6;cursor:not-allowed}
:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
header :focus-visible{outline-color:#fff}
.status,.demo{flex:none;margin:0;padding:.375em .75em;font-size:.9375em;background:#fff4e5;color:#6b3d00}
.status:empty{display:none}
.demo{font-weight:600;border-bottom:1px solid #b34000}
.log{position:relative;flex:1 1 0;min-height:0;overflow-y:auto;padding:.75em;display:flex;flex-direction:column;gap:.625em;background:#f6f6f6}
.msg{flex:none;max-width:92%;padding:.5em .75em;border-radius:.75em;white-space:pre-line;overflow-wrap:anywhere}
.bot{align-self:flex-start;background:#fff;border:1px solid #ddd}
.me{align-self:flex-end;background:#e3e3fd;color:#161616;border:1px solid transparent}
.error{align-self:flex-start;background:#ffe9e9;color:#8a1212;border:1px solid #ce0500}
.waiting{margin:0;font-style:italic;color:#3a3a3a;animation:pulse 1.5s ease-in-out infinite}
@keyframes pulse{50%{opacity:.55}}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
ul.cards{flex:none;list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:.625em;width:100%}
.card{background:#fff;border:1px solid #bbb;border-left:.375em solid var(--c);border-radius:.5em;padding:.625em .75em;overflow-wrap:anywhere}
.card p{margin:.125em 0}
.open{color:#18753c;font-weight:600}
.closed{color:#b34000;font-weight:600}
.stale{color:#6b3d00;font-weight:600}
.card .actions{display:flex;flex-wrap:wrap;gap:.5em;margin:.5em 0 .25em}
.card .actions .btn{flex:1 1 auto}
.call{font-weight:700;font-size:1.0625em}
.card .sms{white-space:pre-line;padding:.375em .5em;border:1px solid #929292;border-radius:.375em;background:#f6f6f6}
.said:empty{display:none}
.card .share-actions{display:flex;flex-wrap:wrap;gap:.5em;margin:.5em 0 .25em}
.card .share-actions>*{flex:1 1 auto}
.share-toggle{background:#fff;color:var(--c);border:0;padding:.5em 0;min-height:2.75em;font-weight:600;text-decoration:underline}
details{margin-top:.375em}
summary{cursor:pointer;min-height:2.75em;display:flex;align-items:center;color:var(--c);font-weight:600;text-decoration:underline}
details ul{margin:.25em 0;padding-left:1.25em}
a{color:var(--c)}
.choices{display:flex;flex-wrap:wrap;gap:.5em}
.consent{flex:none;margin:0 .75em .5em;padding:.5em .75em;border:1px solid #929292;border-radius:.375em;background:#fff}
.consent p{margin:0 0 .5em}
.consent div{display:flex;gap:.5em;flex-wrap:wrap}
form{flex:none;padding:.5em .75em;border-top:1px solid #ddd;background:#fff}
label{display:block;font-weight:600;margin-bottom:.25em}
.send{display:flex;gap:.5em;align-items:flex-end}
textarea{flex:1 1 auto;min-width:0;font:inherit;height:2.75em;min-height:2.75em;max-height:8em;padding:.5em;border:1px solid #666;border-radius:.375em;resize:none;color:#161616;background:#fff}
.hint{margin:.25em 0 0;font-size:.875em;color:#3a3a3a}
.tools{display:flex;flex-wrap:wrap;gap:.5em;margin-top:.5em}
.tools button{min-height:2.5em;padding:.25em .625em}
.short header{padding-top:.125em;padding-bottom:.125em}
.short h2{font-size:1em}
.short header button{min-height:2.5em;padding:.25em .625em}
.short .hint,.short label{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.short form{display:flex;flex-wrap:wrap;align-items:flex-end;gap:.375em .5em;padding-top:.375em;padding-bottom:.375em}
.short .send{flex:1 1 16em}
.short .tools{margin:0}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){button,.btn{border:2px solid ButtonText}.card,.panel,.intro,header{border:1px solid CanvasText}.open,.closed,.stale,.demo{forced-color-adjust:auto}:focus-visible{outline-color:Highlight}}
`

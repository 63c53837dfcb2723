// The HTML summary template with its inline style sheet (see Template.swift for the tag syntax).
// Every {{value}} is HTML-escaped by `HTMLExporter.escape`; the template uses no triple braces,
// so no article-derived string reaches the page unescaped. No script, no external resources.
// Entity colours follow the GNOME palette the window uses: person blue, organisation purple,
// place green, group orange, event red, law brown; light and dark through prefers-color-scheme.
// The style sheet avoids '<' and '&' so the page stays well-formed XML.

enum HTMLTemplate {
    static let source = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <meta name="generator" content="{{generator}}" />
    <title>{{title}}</title>
    <style>
    :root {
      --bg: #ffffff; --fg: #1e1e1e; --muted: #5e5c64; --rule: #deddda; --card: #f6f5f4;
      {{{entity_colours}}}
      --tint: 18%;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #1e1e1e; --fg: #f6f5f4; --muted: #c0bfbc; --rule: #3d3846; --card: #2a2a2e;
        {{{entity_colours_dark}}}
        --tint: 30%;
      }
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); color: var(--fg); }
    body {
      margin: 0 auto; padding: 2rem 1.5rem 3rem; max-width: 48rem;
      font: 16px/1.55 Cantarell, "Noto Sans", "DejaVu Sans", system-ui, sans-serif;
    }
    h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
    h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.05rem; margin: 1.3rem 0 .4rem; }
    ul, ol { padding-left: 1.3rem; margin: .4rem 0; }
    li { margin: .25rem 0; }
    .meta { color: var(--muted); margin: 0; padding: 0; list-style: none; font-size: .95rem; }
    .meta li { margin: .1rem 0; }
    .lead { font-family: Georgia, "DejaVu Serif", serif; font-size: 1.08rem; }
    .type { color: var(--muted); font-size: .85em; }
    .role { color: var(--muted); }
    .stance { display: inline-block; padding: 0 .45em; border-radius: .6em; font-size: .82em; font-weight: 600;
      border: 1px solid currentColor; }
    .stance-supports { color: var(--place); }
    .stance-opposes { color: var(--event); }
    .stance-neutral { color: var(--muted); }
    .stance-conditional { color: var(--group); }
    blockquote { margin: .3rem 0 .2rem; padding: .1rem .8rem; border-left: 3px solid var(--rule); color: var(--muted); }
    .reported { font-style: italic; color: var(--muted); }
    .cue { color: var(--muted); font-size: .9em; }
    .timeline { list-style: none; padding-left: 0; }
    .timeline li { display: flex; gap: 1rem; }
    .timeline .date { flex: 0 0 9.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
    .article { font-family: Georgia, "DejaVu Serif", serif; font-size: 1.02rem; }
    .article p { margin: 0 0 .8rem; }
    .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem .9rem; font-size: .9rem; }
    .ent { border-radius: 3px; padding: 0 .08em; border-bottom: 2px solid var(--c); color: inherit;
      background: color-mix(in srgb, var(--c) var(--tint), transparent); }
    .ent-person { --c: var(--person); }
    .ent-organization { --c: var(--organization); }
    .ent-place { --c: var(--place); }
    .ent-group { --c: var(--group); }
    .ent-event { --c: var(--event); }
    .ent-law { --c: var(--law); }
    .others { line-height: 1.9; }
    .empty { color: var(--muted); font-style: italic; }
    footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: .6rem; }
    @media print {
      :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --rule: #bbbbbb; --tint: 22%;
        {{{entity_colours_print}}} }
      html, body { background: #ffffff; color: #000000; }
      body { max-width: none; padding: 0; font-size: 11pt; }
      h2 { break-after: avoid; page-break-after: avoid; }
      h3 { break-after: avoid; page-break-after: avoid; }
      li, blockquote, .article p { break-inside: avoid; page-break-inside: avoid; }
      .ent, .stance { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      #article { break-before: page; page-break-before: always; }
      @page { size: A4; margin: 18mm 16mm; }
    }
    </style>
    </head>
    <body>
    <header>
    <h1>{{title}}</h1>
    <ul class="meta">
    {{#publishedText}}
    <li>Published <time datetime="{{published}}">{{publishedText}}</time></li>
    {{/publishedText}}
    {{#source}}
    <li>Source: {{source}}</li>
    {{/source}}
    </ul>
    </header>
    <main>
    <section id="summary">
    <h2>Summary</h2>
    {{#hasKeySentences}}
    <p class="lead">{{#keySentences}}{{text}} {{/keySentences}}</p>
    {{/hasKeySentences}}
    {{^keySentences}}
    <p class="empty">The article has no text to summarise.</p>
    {{/keySentences}}
    </section>
    <section id="actors">
    <h2>Actors</h2>
    {{#hasActors}}
    <ul>
    {{/hasActors}}
    {{#actors}}
    <li><span class="ent ent-{{type}}">{{name}}</span> <span class="type">{{typeName}}</span>{{#roleLine}} <span class="role">· {{roleLine}}</span>{{/roleLine}}</li>
    {{/actors}}
    {{#hasActors}}
    </ul>
    {{/hasActors}}
    {{^actors}}
    <p class="empty">No actors were found.</p>
    {{/actors}}
    {{#hasOthers}}
    <p class="others"><span class="type">Also mentioned:</span> {{#others}}<span class="ent ent-{{type}}" title="{{typeName}}">{{name}}</span> {{/others}}</p>
    {{/hasOthers}}
    </section>
    <section id="positions">
    <h2>Positions</h2>
    {{#positionActors}}
    <h3><span class="ent ent-{{type}}">{{name}}</span></h3>
    <ul>
    {{#positions}}
    <li><strong>{{topic}}</strong> <span class="stance stance-{{stance}}">{{stanceLabel}}</span> {{summary}}
    {{#quote}}
    <blockquote{{#quoteReported}} class="reported"{{/quoteReported}}>{{quote}}</blockquote>
    {{/quote}}
    </li>
    {{/positions}}
    </ul>
    {{/positionActors}}
    {{^positionActors}}
    <p class="empty">No positions were found.</p>
    {{/positionActors}}
    </section>
    <section id="statements">
    <h2>Statements</h2>
    {{#speakers}}
    <h3>{{name}}</h3>
    <ul>
    {{#statements}}
    <li>{{#direct}}<span class="quote">{{quoted}}</span>{{/direct}}{{^direct}}<span class="reported">Reported: {{quoted}}</span>{{/direct}}{{#attribution}} <span class="cue">({{attribution}})</span>{{/attribution}}</li>
    {{/statements}}
    </ul>
    {{/speakers}}
    {{^speakers}}
    <p class="empty">No statements were found.</p>
    {{/speakers}}
    </section>
    <section id="timeline">
    <h2>Timeline</h2>
    {{#hasTimeline}}
    <ol class="timeline">
    {{/hasTimeline}}
    {{#timeline}}
    <li><time class="date" datetime="{{date}}">{{dateText}}</time> <span>{{label}}{{#actors}} <span class="cue">({{actors}})</span>{{/actors}}</span></li>
    {{/timeline}}
    {{#hasTimeline}}
    </ol>
    {{/hasTimeline}}
    {{^timeline}}
    <p class="empty">No dated events were found.</p>
    {{/timeline}}
    {{#hasUndated}}
    <h3>Undated</h3>
    <p class="cue">Relative dates that could not be resolved (the publication date is unknown):</p>
    <ul class="timeline">
    {{#undated}}
    <li><span class="date">{{dateText}}</span> <span>{{label}}{{#actors}} <span class="cue">({{actors}})</span>{{/actors}}</span></li>
    {{/undated}}
    </ul>
    {{/hasUndated}}
    </section>
    <section id="article">
    <h2>Article</h2>
    {{#hasLegend}}
    <ul class="legend">
    {{/hasLegend}}
    {{#legend}}
    <li><span class="ent ent-{{type}}">{{typeName}}</span></li>
    {{/legend}}
    {{#hasLegend}}
    </ul>
    {{/hasLegend}}
    <div class="article">
    {{#paragraphs}}
    <p>{{#runs}}{{#entity}}<span class="ent ent-{{type}}" title="{{name}} ({{typeName}})">{{text}}</span>{{/entity}}{{^entity}}{{text}}{{/entity}}{{/runs}}</p>
    {{/paragraphs}}
    </div>
    </section>
    </main>
    <footer>Exported by {{generator}}.</footer>
    </body>
    </html>

    """
}

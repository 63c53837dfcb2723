// The Markdown summary template (CommonMark; see Template.swift for the tag syntax).
// Every {{value}} is escaped by `MarkdownExporter.escape`; this file is the only place the
// Markdown layout is written down. (A backslash before a line break is a CommonMark hard break.)

enum MarkdownTemplate {
    static let source = """
    # {{title}}

    {{#publishedText}}
    - **Published:** {{publishedText}}
    {{/publishedText}}
    {{#source}}
    - **Source:** {{source}}
    {{/source}}
    - **Analysed by:** {{generator}}

    ## Summary

    {{#keySentences}}
    {{text}}
    {{/keySentences}}
    {{^keySentences}}
    *The article has no text to summarise.*
    {{/keySentences}}

    ## Actors

    {{#actors}}
    - **{{name}}** ({{typeName}}){{#roleLine}}: {{roleLine}}{{/roleLine}}
    {{/actors}}
    {{^actors}}
    *No actors were found.*
    {{/actors}}
    {{#hasOthers}}

    **Also mentioned:** {{othersText}}
    {{/hasOthers}}

    ## Positions

    {{#positionActors}}
    ### {{name}}

    {{#positions}}
    - **{{topic}}**: *{{stanceLabel}}*. {{summary}}{{#quote}}\\
      {{#quoteReported}}*Reported:* {{/quoteReported}}{{^quoteReported}}*Quote:* {{/quoteReported}}{{quote}}{{/quote}}
    {{/positions}}

    {{/positionActors}}
    {{^positionActors}}
    *No positions were found.*

    {{/positionActors}}
    ## Statements

    {{#speakers}}
    ### {{name}}

    {{#statements}}
    - {{^direct}}*Reported:* {{/direct}}{{quoted}}{{#attribution}} ({{attribution}}){{/attribution}}
    {{/statements}}

    {{/speakers}}
    {{^speakers}}
    *No statements were found.*

    {{/speakers}}
    ## Timeline

    {{#timeline}}
    - **{{dateText}}**: {{label}}{{#actors}} ({{actors}}){{/actors}}
    {{/timeline}}
    {{^timeline}}
    *No dated events were found.*
    {{/timeline}}
    {{#hasUndated}}

    ### Undated

    Relative dates that could not be resolved (the publication date is unknown):

    {{#undated}}
    - **{{dateText}}**: {{label}}{{#actors}} ({{actors}}){{/actors}}
    {{/undated}}
    {{/hasUndated}}

    """
}

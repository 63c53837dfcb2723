import Foundation

/// The `Summary` as a template context: the one set of names the Markdown and HTML templates
/// (in `Templates/`) use. Every value is plain text; the template's escaper makes it safe.
/// Every item sets all of its keys (empty or false when absent), so a lookup inside a loop never
/// falls through to an outer item's value.
extension Summary {
    public func templateContext(includeArticle: Bool = false, analysis: Analysis? = nil,
                                document: TextDocument? = nil) -> Template.Context {
        typealias V = Template.Value
        func s(_ v: String?) -> V { .string(v ?? "") }

        var context: Template.Context = [
            "title": s(title),
            "source": s(source),
            "published": s(published),
            "publishedText": s(publishedText),
            "generator": s(generator),
            "keySentences": .list(keySentences.map { ["text": s($0.text)] }),
        ]

        context["actors"] = .list(actors.map { a in
            [
                "id": s(a.entity.id),
                "name": s(a.entity.name),
                "type": s(a.entity.type.rawValue),
                "typeName": s(a.entity.type.displayName),
                "roleLine": s(a.roleLine),
                "mentionCount": s(String(a.entity.mentions.count)),
                "statementCount": s(a.statements.isEmpty ? nil : String(a.statements.count)),
            ]
        })

        context["others"] = .list(otherEntities.map { e in
            ["name": s(e.name), "type": s(e.type.rawValue), "typeName": s(e.type.displayName)]
        })
        context["hasOthers"] = .bool(!otherEntities.isEmpty)
        context["othersText"] = s(otherEntities.map { "\($0.name) (\($0.type.displayName))" }.joined(separator: ", "))

        context["positionActors"] = .list(actors.filter { !$0.positions.isEmpty }.map { a in
            [
                "name": s(a.entity.name),
                "type": s(a.entity.type.rawValue),
                "positions": .list(a.positions.map { line in
                    [
                        "topic": s(line.position.topic),
                        "stance": s(line.position.stance.rawValue),
                        "stanceLabel": s(Summary.stanceLabel(line.position.stance)),
                        "summary": s(collapseWhitespace(line.position.summary)),
                        "quote": s(line.quote.map { CuePhrase.shown($0, speakerName: line.quoteSpeaker) }),
                        "quoteReported": .bool(line.quote?.kind == .indirect),
                        "evidence": s(line.position.evidence.joined(separator: ", ")),
                    ]
                }),
            ]
        })

        context["speakers"] = .list(speakers.map { sp in
            [
                "name": s(sp.name),
                "type": s(sp.entity?.type.rawValue ?? "unattributed"),
                "statements": .list(sp.statements.map { st in
                    // Reported speech names its speaker ("Donald Trump signalled he would not
                    // accept"); the verb then stands there, not in the parentheses.
                    let lead = CuePhrase.reportedLead(st, speakerName: sp.entity?.name)
                    return [
                        "id": s(st.id),
                        "direct": .bool(st.kind == .direct),
                        "quoted": s(CuePhrase.shown(st, speakerName: sp.entity?.name)),
                        "attribution": s(CuePhrase.attribution(st, verb: lead == nil)),
                    ]
                }),
            ]
        })

        func timelineItem(_ t: TimelineEntry) -> Template.Context {
            [
                "date": s(t.item.date),
                "dateText": s(t.dateText),
                "label": s(collapseWhitespace(t.item.label)),
                "relative": s(t.item.relative.map(collapseWhitespace)),
                "actors": s(t.actorNames.isEmpty ? nil : t.actorNames.joined(separator: ", ")),
            ]
        }
        context["timeline"] = .list(timeline.map(timelineItem))
        context["undated"] = .list(undatedTimeline.map(timelineItem))
        context["hasUndated"] = .bool(!undatedTimeline.isEmpty)
        context["hasKeySentences"] = .bool(!keySentences.isEmpty)
        context["hasActors"] = .bool(!actors.isEmpty)
        context["hasTimeline"] = .bool(!timeline.isEmpty)

        if includeArticle, let analysis {
            let article = HighlightedArticle(analysis, document: document)
            var typesSeen = Set<EntityType>()
            context["paragraphs"] = .list(article.paragraphs.map { runs in
                ["runs": .list(runs.map { r in
                    if let t = r.type { typesSeen.insert(t) }
                    return [
                        "text": s(r.text),
                        "entity": .bool(r.type != nil),
                        "type": s(r.type?.rawValue),
                        "typeName": s(r.type?.displayName),
                        "name": s(r.name),
                    ]
                })]
            })
            context["legend"] = .list(EntityType.allCases.filter { typesSeen.contains($0) }.map {
                ["type": s($0.rawValue), "typeName": s($0.displayName)]
            })
            context["hasLegend"] = .bool(!typesSeen.isEmpty)
        }
        return context
    }
}

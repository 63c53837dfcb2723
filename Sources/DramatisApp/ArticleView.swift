import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The article text, read-only, with every entity mention highlighted by type. Clicking a mention
/// reports its entity; the window answers with `select(entity:)` and `reveal(…)`. Ctrl+F searches.
@MainActor
final class ArticleView {
    let widget: Box
    private let textView: TextView
    private let buffer: TextBuffer
    private let titleLabel: Label
    private let bylineLabel: Label
    private let legend: FlowBox
    /// The publication date, which the user can set or correct.
    let dateButton = PublicationDateButton()
    private let search: ArticleSearch
    private var typeTags: [EntityType: TextTag] = [:]
    private var selectedTag: TextTag!
    private var focusTag: TextTag!
    private var analysis: Analysis?
    private var shownText: String?
    private var index = MentionIndex(entities: [])
    private var overMention = false
    private var pressPoint: (Double, Double)?

    /// Called with the entity id of a clicked mention.
    var onMentionActivated: ((String) -> Void)?

    init() {
        textView = TextView(margins: (left: 24, right: 24, top: 12, bottom: 48), pixelsInsideWrap: 3, pixelsBelowLines: 4)
        buffer = textView.buffer
        textView.css("article-text").accessibleLabel("Article text")

        // A reading column of about 70 characters, centred, inside the scrolled window.
        let clamp = ClampScrollable(textView, maximumSize: 760, tighteningThreshold: 560)
        let scrolled = UI.scrolled(clamp).expand(h: true, v: true)

        titleLabel = UI.label("", "title-2", wrap: true, selectable: true)
        bylineLabel = UI.label("", "dim-label", ellipsize: true)
        // A flow box, so the legend wraps in narrow windows instead of widening them.
        legend = FlowBox(columnSpacing: 6, rowSpacing: 4, maxPerLine: UInt32(EntityType.allCases.count)).css("legend")
        let header = UI.vbox(spacing: 4, [titleLabel, UI.hbox(spacing: 6, [dateButton.widget, bylineLabel.align(v: GTK_ALIGN_CENTER).expand(h: true)])]).css("article-header")
        let headerClamp = Clamp(UI.vbox(spacing: 0, [header, legend]), maximumSize: 760, tighteningThreshold: 560)

        search = ArticleSearch(textView: textView)
        widget = UI.vbox(spacing: 0, [search.bar, headerClamp, scrolled]).css("article-pane")

        createTags()
        connectPointer()
    }

    // MARK: Content

    /// The article's text and header, without highlights (shown while the analysis runs).
    func showText(_ article: Article) {
        analysis = nil
        index = MentionIndex(entities: [])
        search.reset()
        shownText = article.text
        buffer.setText(article.text) // plain text, never markup
        titleLabel.text = article.title ?? "Untitled article"
        dateButton.show(article.published)
        dateButton.isSensitive = false // until the analysis arrives
        var byline: [String] = []
        if let author = article.author { byline.append(author) }
        if let source = article.source { byline.append(Format.sourceName(source)) }
        bylineLabel.text = byline.joined(separator: " · ")
        bylineLabel.tooltip(byline.isEmpty ? nil : byline.joined(separator: " · "))
        bylineLabel.isVisible = !byline.isEmpty
        clearLegend()
        legend.isVisible = false
    }

    func isShowing(_ text: String) -> Bool { shownText == text }

    /// The analysed article: the text (kept when already shown, so its layout is reused) and
    /// every mention highlighted by type.
    func show(_ analysis: Analysis) {
        if !isShowing(analysis.article.text) { showText(analysis.article) }
        self.analysis = analysis
        index = MentionIndex(entities: analysis.entities)
        dateButton.show(analysis.article.published)
        dateButton.isSensitive = true
        buffer.removeEverywhere(selectedTag)
        buffer.removeEverywhere(focusTag)
        applyHighlights()
    }

    /// Colours the mentions of the types chosen in Preferences (again after a change there).
    func applyHighlights() {
        guard let analysis else { return }
        for tag in typeTags.values { buffer.removeEverywhere(tag) }
        let count = Int(buffer.characterCount)
        let highlighted = Preferences.highlightedTypes
        for entity in analysis.entities where highlighted.contains(entity.type) {
            guard let tag = typeTags[entity.type] else { continue }
            for m in entity.mentions where m.start >= 0 && m.end <= count && m.start < m.end {
                buffer.apply(tag, from: Int32(m.start), to: Int32(m.end))
            }
        }
        buildLegend(analysis)
    }

    private func clearLegend() { legend.removeAll() }

    private func buildLegend(_ analysis: Analysis) {
        clearLegend()
        let highlighted = Preferences.highlightedTypes
        let present = EntityType.allCases.filter { type in
            highlighted.contains(type) && analysis.entities.contains { $0.type == type && !$0.mentions.isEmpty }
        }
        legend.isVisible = !present.isEmpty
        for type in present {
            let chip = UI.label(type.displayName, "entity-chip", type.rawValue)
            chip.tooltip("Mentions of a \(type.displayName.lowercased()) are highlighted in this colour")
            legend.append(chip.align(h: GTK_ALIGN_START))
        }
        legend.accessibleLabel("Highlight colours: " + present.map(\.displayName).joined(separator: ", "))
    }

    /// Marks every mention of the entity (or none) with the "selected" highlight.
    func select(entity id: String?) {
        buffer.removeEverywhere(selectedTag)
        guard let id, let entity = analysis?.entity(id: id) else { return }
        for m in entity.mentions { buffer.apply(selectedTag, from: Int32(m.start), to: Int32(m.end)) }
    }

    /// Scrolls to a span and marks it; with `wholeSentence` the mark covers the sentence around it.
    func reveal(start: Int, end: Int, wholeSentence: Bool = false) {
        buffer.removeEverywhere(focusTag)
        let count = buffer.characterCount
        var span = (start: min(Int32(start), count), end: min(Int32(end), count))
        if wholeSentence { span = buffer.sentence(around: span.start, span.end) }
        buffer.apply(focusTag, from: span.start, to: span.end)
        buffer.placeCursor(at: span.start)
        textView.scrollToCursor(within: 0.05, yAlign: 0.3)
    }

    /// Brings the entity's first mention into view if it is not (the least scrolling possible).
    func scrollToFirstMention(of id: String) {
        guard let first = analysis?.entity(id: id)?.mentions.min(by: { $0.start < $1.start }) else { return }
        textView.scroll(toOffset: Int32(first.start), within: 0.1)
    }

    func toggleSearch() { search.toggle() }

    // MARK: Tags

    private func createTags() {
        func tag(_ name: String) -> TextTag { buffer.createTag(name) }
        for type in EntityType.allCases {
            let t = tag("entity-\(type.rawValue)")
            setBackground(t, "dramatis_\(type.rawValue)", fallback: EntityStyle.of(type).highlight)
            typeTags[type] = t
        }
        selectedTag = tag("selected")
        setBackground(selectedTag, "dramatis_selected", fallback: "rgba(53,132,228,0.5)")
        selectedTag.set("underline", Int32(PANGO_UNDERLINE_SINGLE.rawValue))
        focusTag = tag("focus")
        setBackground(focusTag, "dramatis_focus", fallback: "rgba(246,211,45,0.4)")
        focusTag.priority = 0 // under the mention colours, which stay readable
        search.matchTag = tag("search-match")
        setBackground(search.matchTag, "dramatis_match", fallback: "rgba(255,120,0,0.45)")
        search.currentTag = tag("search-current")
        search.currentTag.set("underline", Int32(PANGO_UNDERLINE_DOUBLE.rawValue))
        search.currentTag.set("weight", 700)
    }

    /// Tag colours come from the style sheet's @define-color names, so legend and text agree.
    private func setBackground(_ tag: TextTag, _ colorName: String, fallback: String) {
        if let rgba = textView.styleColor(colorName) {
            tag.set("background-rgba", rgba)
        } else {
            tag.set("background", fallback)
        }
    }

    // MARK: Pointer: cursor, tooltip, click

    private func entityAt(x: Double, y: Double) -> Entity? {
        // Past the end of a line there is blank space, not a mention.
        guard let analysis, let offset = textView.offset(atX: x, y: y), let i = index.entityIndex(at: offset) else { return nil }
        return analysis.entities[i]
    }

    private func entityAtCursor() -> Entity? {
        guard let analysis else { return nil }
        return index.entityIndex(at: Int(buffer.cursorOffset)).map { analysis.entities[$0] }
    }

    private func connectPointer() {
        let motion = MotionController()
        motion.onMotion { [unowned self] x, y in
            let over = entityAt(x: x, y: y) != nil
            if over != overMention {
                overMention = over
                textView.cursor(over ? "pointer" : "text")
            }
        }
        textView.addController(motion)

        let click = GestureClick(capture: true)
        // A press on a mention is claimed (like a link), so the text view starts no selection and
        // the release arrives here; presses elsewhere are left to the text view.
        click.onPressed { [unowned self] n, x, y in
            guard n == 1, entityAt(x: x, y: y) != nil else { pressPoint = nil; return }
            pressPoint = (x, y)
            click.claim()
        }
        click.onReleased { [unowned self] _, x, y in
            defer { pressPoint = nil }
            guard let (px, py) = pressPoint, abs(px - x) < 6, abs(py - y) < 6,
                  let entity = entityAt(x: x, y: y) else { return }
            onMentionActivated?(entity.id)
        }
        textView.addController(click)

        // Keyboard: with the focus in the text, a caret shows; Enter on a mention selects its actor.
        let focus = FocusController()
        focus.onEnter { [unowned self] in textView.isCursorVisible = true }
        focus.onLeave { [unowned self] in textView.isCursorVisible = false }
        textView.addController(focus)
        let keys = KeyController()
        keys.onKeyPressed { [unowned self] keyval, _ in
            guard [UInt32(GDK_KEY_Return), UInt32(GDK_KEY_KP_Enter), UInt32(GDK_KEY_ISO_Enter)].contains(keyval),
                  let entity = entityAtCursor() else { return false }
            onMentionActivated?(entity.id)
            return true
        }
        textView.addController(keys)

        textView.hasTooltip = true
        Signal.onQueryTooltip(textView) { [unowned self] x, y, keyboard, tooltip in
            guard let tooltip, let entity = keyboard ? entityAtCursor() : entityAt(x: Double(x), y: Double(y)) else { return false }
            var lines = [entity.name, entity.type.displayName]
            if let role = entity.role { lines[1] += " · " + role }
            tooltip.setText(lines.joined(separator: "\n"))
            return true
        }
    }
}

/// Mentions sorted by start, looked up by code-point offset (binary search; the innermost wins).
struct MentionIndex {
    private var spans: [(start: Int, end: Int, entity: Int)] = []

    init(entities: [Entity]) {
        for (i, e) in entities.enumerated() {
            for m in e.mentions where m.start < m.end { spans.append((m.start, m.end, i)) }
        }
        spans.sort { ($0.start, $1.end) < ($1.start, $0.end) }
    }

    func entityIndex(at offset: Int) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        var best: (length: Int, entity: Int)?
        var i = lo - 1
        var scanned = 0
        while i >= 0, scanned < 16 {
            let s = spans[i]
            if s.start <= offset, offset < s.end, best == nil || s.end - s.start < best!.length {
                best = (s.end - s.start, s.entity)
            }
            i -= 1; scanned += 1
        }
        return best?.entity
    }
}

enum Format {
    /// A path shows as its file name; a URL as itself.
    static func sourceName(_ source: String) -> String {
        if source.contains("://") || !source.hasPrefix("/") && !source.contains("/") { return source }
        return (source as NSString).lastPathComponent
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}

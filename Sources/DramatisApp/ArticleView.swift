import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The article text, read-only, with every entity mention highlighted by type. Clicking a mention
/// reports its entity; the window answers with `select(entity:)` and `reveal(…)`. Ctrl+F searches.
@MainActor
final class ArticleView {
    let widget: Widget
    private let textView: Widget
    private let buffer: UnsafeMutablePointer<GtkTextBuffer>
    private let titleLabel: Widget
    private let bylineLabel: Widget
    private let legend: Widget
    /// The publication date, which the user can set or correct.
    let dateButton = PublicationDateButton()
    private let search: ArticleSearch
    private var typeTags: [EntityType: UnsafeMutablePointer<GtkTextTag>] = [:]
    private var selectedTag: UnsafeMutablePointer<GtkTextTag>!
    private var focusTag: UnsafeMutablePointer<GtkTextTag>!
    private var analysis: Analysis?
    private var shownText: String?
    private var index = MentionIndex(entities: [])
    private var overMention = false
    private var pressPoint: (Double, Double)?

    /// Called with the entity id of a clicked mention.
    var onMentionActivated: ((String) -> Void)?

    init() {
        textView = gtk_text_view_new()!
        let tv: UnsafeMutablePointer<GtkTextView> = cast(textView)
        buffer = gtk_text_view_get_buffer(tv)
        gtk_text_view_set_editable(tv, 0)
        gtk_text_view_set_cursor_visible(tv, 0)
        gtk_text_view_set_wrap_mode(tv, GTK_WRAP_WORD_CHAR)
        gtk_text_view_set_left_margin(tv, 24)
        gtk_text_view_set_right_margin(tv, 24)
        gtk_text_view_set_top_margin(tv, 12)
        gtk_text_view_set_bottom_margin(tv, 48)
        gtk_text_view_set_pixels_inside_wrap(tv, 3)
        gtk_text_view_set_pixels_below_lines(tv, 4)
        textView.css("article-text").accessibleLabel("Article text")

        // A reading column of about 70 characters, centred, inside the scrolled window.
        let clamp = adw_clamp_scrollable_new()!
        adw_clamp_scrollable_set_maximum_size(opaque(clamp), 760)
        adw_clamp_scrollable_set_tightening_threshold(opaque(clamp), 560)
        adw_clamp_scrollable_set_child(opaque(clamp), textView)
        let scrolled = UI.scrolled(clamp).expand(h: true, v: true)

        titleLabel = UI.label("", "title-2", wrap: true, selectable: true)
        bylineLabel = UI.label("", "dim-label", ellipsize: true)
        // A flow box, so the legend wraps in narrow windows instead of widening them.
        legend = gtk_flow_box_new()!
        legend.css("legend")
        gtk_flow_box_set_selection_mode(opaque(legend), GTK_SELECTION_NONE)
        gtk_flow_box_set_column_spacing(opaque(legend), 6)
        gtk_flow_box_set_row_spacing(opaque(legend), 4)
        gtk_flow_box_set_max_children_per_line(opaque(legend), UInt32(EntityType.allCases.count))
        let header = UI.vbox(spacing: 4, [titleLabel, UI.hbox(spacing: 6, [dateButton.widget, bylineLabel.align(v: GTK_ALIGN_CENTER).expand(h: true)])]).css("article-header")
        let headerClamp = adw_clamp_new()!
        adw_clamp_set_maximum_size(opaque(headerClamp), 760)
        adw_clamp_set_tightening_threshold(opaque(headerClamp), 560)
        let headerBox = UI.vbox(spacing: 0, [header, legend])
        adw_clamp_set_child(opaque(headerClamp), headerBox)

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
        gtk_text_buffer_set_text(buffer, article.text, -1) // plain text, never markup
        var start = GtkTextIter()
        gtk_text_buffer_get_start_iter(buffer, &start)
        gtk_text_buffer_place_cursor(buffer, &start)
        UI.setText(titleLabel, article.title ?? "Untitled article")
        dateButton.show(article.published)
        dateButton.isSensitive = false // until the analysis arrives
        var byline: [String] = []
        if let author = article.author { byline.append(author) }
        if let source = article.source { byline.append(Format.sourceName(source)) }
        UI.setText(bylineLabel, byline.joined(separator: " · "))
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
        var start = GtkTextIter(), end = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &start, &end)
        gtk_text_buffer_remove_tag(buffer, selectedTag, &start, &end)
        gtk_text_buffer_remove_tag(buffer, focusTag, &start, &end)
        applyHighlights()
    }

    /// Colours the mentions of the types chosen in Preferences (again after a change there).
    func applyHighlights() {
        guard let analysis else { return }
        var start = GtkTextIter(), end = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &start, &end)
        for tag in typeTags.values { gtk_text_buffer_remove_tag(buffer, tag, &start, &end) }
        let count = Int(gtk_text_buffer_get_char_count(buffer))
        let highlighted = Preferences.highlightedTypes
        for entity in analysis.entities where highlighted.contains(entity.type) {
            guard let tag = typeTags[entity.type] else { continue }
            for m in entity.mentions where m.start >= 0 && m.end <= count && m.start < m.end {
                gtk_text_buffer_get_iter_at_offset(buffer, &start, Int32(m.start))
                gtk_text_buffer_get_iter_at_offset(buffer, &end, Int32(m.end))
                gtk_text_buffer_apply_tag(buffer, tag, &start, &end)
            }
        }
        buildLegend(analysis)
    }

    private func clearLegend() {
        while let child = gtk_widget_get_first_child(legend) { gtk_flow_box_remove(opaque(legend), child) }
    }

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
            gtk_flow_box_append(opaque(legend), chip.align(h: GTK_ALIGN_START))
            if let child = gtk_widget_get_parent(chip) { gtk_widget_set_focusable(child, 0) }
        }
        legend.accessibleLabel("Highlight colours: " + present.map(\.displayName).joined(separator: ", "))
    }

    /// Marks every mention of the entity (or none) with the "selected" highlight.
    func select(entity id: String?) {
        var start = GtkTextIter(), end = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &start, &end)
        gtk_text_buffer_remove_tag(buffer, selectedTag, &start, &end)
        guard let id, let entity = analysis?.entity(id: id) else { return }
        for m in entity.mentions { apply(selectedTag, m.start, m.end) }
    }

    /// Scrolls to a span and marks it; with `wholeSentence` the mark covers the sentence around it.
    func reveal(start: Int, end: Int, wholeSentence: Bool = false) {
        var s = GtkTextIter(), e = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &s, &e)
        gtk_text_buffer_remove_tag(buffer, focusTag, &s, &e)
        let count = Int32(gtk_text_buffer_get_char_count(buffer))
        gtk_text_buffer_get_iter_at_offset(buffer, &s, min(Int32(start), count))
        gtk_text_buffer_get_iter_at_offset(buffer, &e, min(Int32(end), count))
        if wholeSentence {
            if gtk_text_iter_starts_sentence(&s) == 0 { gtk_text_iter_backward_sentence_start(&s) }
            if gtk_text_iter_ends_sentence(&e) == 0 { gtk_text_iter_forward_sentence_end(&e) }
        }
        gtk_text_buffer_apply_tag(buffer, focusTag, &s, &e)
        gtk_text_buffer_place_cursor(buffer, &s)
        let mark = gtk_text_buffer_get_insert(buffer)
        gtk_text_view_scroll_to_mark(cast(textView), mark, 0.05, 1, 0, 0.3)
    }

    /// Brings the entity's first mention into view if it is not (the least scrolling possible).
    func scrollToFirstMention(of id: String) {
        guard let first = analysis?.entity(id: id)?.mentions.min(by: { $0.start < $1.start }) else { return }
        var iter = GtkTextIter()
        gtk_text_buffer_get_iter_at_offset(buffer, &iter, Int32(first.start))
        let mark = gtk_text_buffer_create_mark(buffer, nil, &iter, 1)
        gtk_text_view_scroll_to_mark(cast(textView), mark, 0.1, 0, 0, 0)
        gtk_text_buffer_delete_mark(buffer, mark)
    }

    func toggleSearch() { search.toggle() }

    // MARK: Tags

    private func createTags() {
        let table = gtk_text_buffer_get_tag_table(buffer)
        func tag(_ name: String) -> UnsafeMutablePointer<GtkTextTag> {
            let t = gtk_text_tag_new(name)!
            gtk_text_tag_table_add(table, t)
            unref(t)
            return t
        }
        for type in EntityType.allCases {
            let t = tag("entity-\(type.rawValue)")
            setBackground(t, "dramatis_\(type.rawValue)", fallback: EntityStyle.of(type).highlight)
            typeTags[type] = t
        }
        selectedTag = tag("selected")
        setBackground(selectedTag, "dramatis_selected", fallback: "rgba(53,132,228,0.5)")
        dr_object_set_int(selectedTag, "underline", Int32(PANGO_UNDERLINE_SINGLE.rawValue))
        focusTag = tag("focus")
        setBackground(focusTag, "dramatis_focus", fallback: "rgba(246,211,45,0.4)")
        gtk_text_tag_set_priority(focusTag, 0) // under the mention colours, which stay readable
        search.matchTag = tag("search-match")
        setBackground(search.matchTag, "dramatis_match", fallback: "rgba(255,120,0,0.45)")
        search.currentTag = tag("search-current")
        dr_object_set_int(search.currentTag, "underline", Int32(PANGO_UNDERLINE_DOUBLE.rawValue))
        dr_object_set_int(search.currentTag, "weight", 700)
    }

    /// Tag colours come from the style sheet's @define-color names, so legend and text agree.
    private func setBackground(_ tag: UnsafeMutablePointer<GtkTextTag>, _ colorName: String, fallback: String) {
        var rgba = GdkRGBA()
        if gtk_style_context_lookup_color(gtk_widget_get_style_context(textView), colorName, &rgba) != 0 {
            dr_object_set_rgba(tag, "background-rgba", &rgba)
        } else {
            dr_object_set_string(tag, "background", fallback)
        }
    }

    private func apply(_ tag: UnsafeMutablePointer<GtkTextTag>, _ start: Int, _ end: Int) {
        var s = GtkTextIter(), e = GtkTextIter()
        gtk_text_buffer_get_iter_at_offset(buffer, &s, Int32(start))
        gtk_text_buffer_get_iter_at_offset(buffer, &e, Int32(end))
        gtk_text_buffer_apply_tag(buffer, tag, &s, &e)
    }

    // MARK: Pointer: cursor, tooltip, click

    private func entityAt(x: Double, y: Double) -> Entity? {
        guard let analysis else { return nil }
        var bx: Int32 = 0, by: Int32 = 0
        gtk_text_view_window_to_buffer_coords(cast(textView), GTK_TEXT_WINDOW_WIDGET, Int32(x), Int32(y), &bx, &by)
        var iter = GtkTextIter()
        guard gtk_text_view_get_iter_at_location(cast(textView), &iter, bx, by) != 0 else { return nil }
        // Past the end of a line GTK returns the line end: that is blank space, not a mention.
        if gtk_text_iter_ends_line(&iter) != 0 { return nil }
        var rect = GdkRectangle()
        gtk_text_view_get_iter_location(cast(textView), &iter, &rect)
        guard bx <= rect.x + rect.width + 2 else { return nil }
        guard let i = index.entityIndex(at: Int(gtk_text_iter_get_offset(&iter))) else { return nil }
        return analysis.entities[i]
    }

    private func entityAtCursor() -> Entity? {
        guard let analysis else { return nil }
        var iter = GtkTextIter()
        gtk_text_buffer_get_iter_at_mark(buffer, &iter, gtk_text_buffer_get_insert(buffer))
        return index.entityIndex(at: Int(gtk_text_iter_get_offset(&iter))).map { analysis.entities[$0] }
    }

    private func connectPointer() {
        let motion = gtk_event_controller_motion_new()!
        Signal.onMotion(motion, "motion") { [unowned self] x, y in
            let over = entityAt(x: x, y: y) != nil
            if over != overMention {
                overMention = over
                textView.cursor(over ? "pointer" : "text")
            }
        }
        textView.addController(motion)

        let click = gtk_gesture_click_new()!
        gtk_gesture_single_set_button(opaque(click), 1)
        gtk_event_controller_set_propagation_phase(opaque(click), GTK_PHASE_CAPTURE)
        // A press on a mention is claimed (like a link), so the text view starts no selection and
        // the release arrives here; presses elsewhere are left to the text view.
        Signal.onPressed(click, "pressed") { [unowned self] n, x, y in
            guard n == 1, entityAt(x: x, y: y) != nil else { pressPoint = nil; return }
            pressPoint = (x, y)
            gtk_gesture_set_state(opaque(click), GTK_EVENT_SEQUENCE_CLAIMED)
        }
        Signal.onPressed(click, "released") { [unowned self] _, x, y in
            defer { pressPoint = nil }
            guard let (px, py) = pressPoint, abs(px - x) < 6, abs(py - y) < 6,
                  let entity = entityAt(x: x, y: y) else { return }
            onMentionActivated?(entity.id)
        }
        textView.addController(click)

        // Keyboard: with the focus in the text, a caret shows; Enter on a mention selects its actor.
        let focus = gtk_event_controller_focus_new()!
        Signal.on(focus, "enter") { [unowned self] in gtk_text_view_set_cursor_visible(cast(textView), 1) }
        Signal.on(focus, "leave") { [unowned self] in gtk_text_view_set_cursor_visible(cast(textView), 0) }
        textView.addController(focus)
        let keys = gtk_event_controller_key_new()!
        Signal.onKeyPressed(keys) { [unowned self] keyval, _ in
            guard [UInt32(GDK_KEY_Return), UInt32(GDK_KEY_KP_Enter), UInt32(GDK_KEY_ISO_Enter)].contains(keyval),
                  let entity = entityAtCursor() else { return false }
            onMentionActivated?(entity.id)
            return true
        }
        textView.addController(keys)

        gtk_widget_set_has_tooltip(textView, 1)
        Signal.onQueryTooltip(textView) { [unowned self] x, y, keyboard, tooltip in
            guard let tooltip, let entity = keyboard ? entityAtCursor() : entityAt(x: Double(x), y: Double(y)) else { return false }
            var lines = [entity.name, entity.type.displayName]
            if let role = entity.role { lines[1] += " · " + role }
            gtk_tooltip_set_text(tooltip, lines.joined(separator: "\n"))
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

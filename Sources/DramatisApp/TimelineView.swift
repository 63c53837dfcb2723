import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The timeline page: a drawn chart of the dated events (broken axis, labels in rows), then the
/// same events as a list (the keyboard and screen-reader path), then the undated ones apart.
@MainActor
final class TimelineView {
    let widget: Stack
    private let area: DrawingArea
    private let datedList: ListBox
    private let undatedList: ListBox
    private let undatedHeading: Label
    private let datedHeading: Label
    private let emptyPage: StatusPage
    private let stack: Stack
    private var analysis: Analysis?
    private var layout = TimelineLayout(items: [], width: 0, measure: { _ in 0 })
    private var rowItems: [UnsafeMutableRawPointer: TimelineItem] = [:]
    private var selectedID: String?

    static let rowHeight = 26.0
    static let axisBand = 56.0
    static let topPad = 14.0
    /// Line spacing inside one wrapped label: tighter than `rowHeight`, so its lines read as one label.
    static let lineStep = 17.0

    var onEventActivated: ((TimelineItem) -> Void)?

    init() {
        area = DrawingArea(contentHeight: 160).css("timeline-chart").expand(h: true)
        area.isFocusable = false

        datedHeading = UI.label("Events", "heading")
        datedList = UI.listBox("boxed-list")
        datedList.accessibleLabel("Dated events")
        undatedHeading = UI.label("Undated", "heading")
        undatedList = UI.listBox("boxed-list")
        undatedList.accessibleLabel("Events whose date could not be resolved")
        let undatedHint = UI.label("Relative dates that could not be resolved without a publication date.", "caption", "dim-label", wrap: true)
        let undatedBox = UI.vbox(spacing: 6, [undatedHeading, undatedHint, undatedList])
        let content = UI.vbox(spacing: 12, [area, datedHeading, datedList, undatedBox]).margins(top: 18, bottom: 24, start: 18, end: 18)
        let clamp = Clamp(content, maximumSize: 1100)

        emptyPage = StatusPage(title: "No Dates Found", description: "This article mentions no dates or events that could be placed in time.")

        stack = UI.stack()
        stack.add(UI.scrolled(clamp), name: "timeline")
        stack.add(emptyPage, name: "empty")
        widget = stack

        area.setDraw { [unowned self] cr, w, h in draw(cr, Double(w), Double(h)) }
        let click = GestureClick()
        click.onReleased { [unowned self] _, x, y in
            if let item = hit(x: x, y: y) { activate(item) }
        }
        area.addController(click)
        let motion = MotionController()
        motion.onMotion { [unowned self] x, y in area.cursor(hit(x: x, y: y) != nil ? "pointer" : nil) }
        area.addController(motion)
        area.hasTooltip = true
        Signal.onQueryTooltip(area) { [unowned self] x, y, _, tooltip in
            guard let tooltip, let item = hit(x: Double(x), y: Double(y)) else { return false }
            tooltip.setText("\(item.date.map(DateText.readable) ?? "Undated"): \(item.label)")
            return true
        }
        for list in [datedList, undatedList] {
            Signal.onPointer(list, "row-activated") { [unowned self] row in
                if let row, let item = rowItems[row] { activate(item) }
            }
        }
    }

    func show(_ analysis: Analysis) {
        self.analysis = analysis
        selectedID = nil
        rowItems = [:]
        datedList.removeAll()
        undatedList.removeAll()
        let dated = analysis.timeline.filter { $0.date.flatMap(DateParts.init) != nil }
            .sorted { (DateParts($0.date!)!, $0.start) < (DateParts($1.date!)!, $1.start) }
        let undated = analysis.timeline.filter { $0.date.flatMap(DateParts.init) == nil }
        for item in dated { append(item, to: datedList, analysis: analysis) }
        for item in undated { append(item, to: undatedList, analysis: analysis) }
        undatedList.parent?.isVisible = !undated.isEmpty
        area.isVisible = !dated.isEmpty
        datedHeading.isVisible = !dated.isEmpty
        datedList.isVisible = !dated.isEmpty
        if analysis.timeline.isEmpty {
            // Set only when shown: a large symbolic icon has no PNG and would load the SVG loader.
            emptyPage.icon = "x-office-calendar-symbolic"
        }
        stack.visibleChild = analysis.timeline.isEmpty ? "empty" : "timeline"

        let years = Set(dated.compactMap { $0.date.flatMap(DateParts.init)?.year }).sorted()
        let span = years.isEmpty ? "" : years.count == 1 ? " in \(years[0])" : " from \(years.first!) to \(years.last!)"
        area.accessibleLabel("Timeline chart")
        area.accessibleDescription("\(Format.plural(dated.count, "dated event"))\(span); the list below has every event.")
        area.queueDraw()
    }

    private func append(_ item: TimelineItem, to list: ListBox, analysis: Analysis) {
        let dateText = item.date.map(DateText.readable) ?? (item.relative ?? "Undated")
        let date = UI.label(dateText, "date-label", "numeric").size(width: 140)
        let label = UI.label(item.label, wrap: true).expand(h: true)
        let text = UI.vbox(spacing: 2, [label])
        let actors = item.actors.compactMap { analysis.entity(id: $0)?.name }
        var caption: [String] = []
        if let relative = item.relative, item.date != nil { caption.append("“\(relative)”") }
        if !actors.isEmpty { caption.append(actors.joined(separator: ", ")) }
        if !caption.isEmpty { text.append(UI.label(caption.joined(separator: " · "), "caption", "dim-label", wrap: true)) }
        let box = UI.hbox(spacing: 12, [date, text]).margins(top: 10, bottom: 10, start: 12, end: 12)
        let row = ListBoxRow(box)
        row.tooltip("Show in the article")
        row.accessibleLabel("\(dateText): \(item.label)")
        list.append(row)
        rowItems[row.raw] = item
    }

    private func activate(_ item: TimelineItem) {
        selectedID = item.id
        area.queueDraw()
        onEventActivated?(item)
    }

    // MARK: Drawing

    private func measure(_ text: String) -> Double {
        let layout = area.pangoLayout(text)
        defer { unref(layout) }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(layout, &w, &h)
        return Double(w)
    }

    private func color(_ name: String, _ fallback: GdkRGBA) -> GdkRGBA {
        area.styleColor(name) ?? fallback
    }

    private func draw(_ cr: OpaquePointer, _ width: Double, _ height: Double) {
        guard let analysis else { return }
        layout = TimelineLayout(items: analysis.timeline, width: width, measure: measure)
        // Grow to fit the label rows; GTK redraws at the new height.
        let needed = Int32(Self.topPad + Double(layout.rows) * Self.rowHeight + Self.axisBand)
        if needed != area.contentHeight { area.contentHeight = needed }
        let fg = area.foregroundColor
        let accent = color("accent_color", GdkRGBA(red: 0.21, green: 0.52, blue: 0.89, alpha: 1))
        func set(_ c: GdkRGBA, alpha: Double = 1) { cairo_set_source_rgba(cr, Double(c.red), Double(c.green), Double(c.blue), Double(c.alpha) * alpha) }
        let axisY = height - Self.axisBand + 18

        // Axis segments, broken where years are skipped.
        cairo_set_line_width(cr, 2)
        set(fg, alpha: 0.45)
        for (i, slot) in layout.slots.enumerated() {
            let gapStart = slot.breakBefore ? 7.0 : 0
            let gapEnd = i + 1 < layout.slots.count && layout.slots[i + 1].breakBefore ? 7.0 : 0
            cairo_move_to(cr, slot.x0 + gapStart, axisY)
            cairo_line_to(cr, slot.x1 - gapEnd, axisY)
            cairo_stroke(cr)
            if slot.breakBefore {
                for dx in [-9.0, -3.0] {
                    cairo_move_to(cr, slot.x0 + dx + 2, axisY - 7)
                    cairo_line_to(cr, slot.x0 + dx + 8, axisY + 7)
                }
                cairo_stroke(cr)
            }
        }
        // Year labels under their slots; thinned out when slots are narrow.
        let slotWidth = layout.slots.first.map { $0.x1 - $0.x0 } ?? 0
        let every = max(1, Int((48 / max(slotWidth, 1)).rounded(.up)))
        for (i, slot) in layout.slots.enumerated() where i % every == 0 {
            set(fg, alpha: 0.8)
            text(cr, String(slot.year), centerX: (slot.x0 + slot.x1) / 2, y: axisY + 10, bold: true)
            set(fg, alpha: 0.3)
            cairo_set_line_width(cr, 1)
            cairo_move_to(cr, slot.x0 + 0.5, axisY - 4); cairo_line_to(cr, slot.x0 + 0.5, axisY + 4)
            cairo_stroke(cr)
        }
        // Events: connectors first, then markers, then labels on a card-coloured backing so
        // connectors of higher rows never strike through a label.
        let card = color("card_bg_color", GdkRGBA(red: 1, green: 1, blue: 1, alpha: 1))
        func labelY(_ p: TimelineLayout.Placed) -> Double { Self.labelY(p, rows: layout.rows) }
        set(fg, alpha: 0.25)
        cairo_set_line_width(cr, 1)
        for p in layout.placed {
            cairo_move_to(cr, p.x + 0.5, labelY(p) + Self.rowHeight - 8)
            cairo_line_to(cr, p.x + 0.5, axisY)
        }
        cairo_stroke(cr)
        for p in layout.placed {
            set(accent)
            cairo_arc(cr, p.x, axisY, p.item.id == selectedID ? 7 : 5, 0, 2 * .pi)
            cairo_fill(cr)
        }
        for p in layout.placed {
            let selected = p.item.id == selectedID
            let top = Self.labelTop(p, rows: layout.rows)
            set(card)
            cairo_rectangle(cr, p.labelX0 - 3, top, p.labelWidth + 6, labelY(p) + Self.rowHeight - 8 - top)
            cairo_fill(cr)
            set(selected ? accent : fg, alpha: selected ? 1 : 0.9)
            // Each line as the layout wrapped it; a bold (selected) line may be a little wider.
            for (k, line) in p.lines.enumerated() {
                text(cr, line, x: p.labelX0, y: top + Double(k) * Self.lineStep, maxWidth: selected ? nil : p.labelWidth + 1, bold: selected)
            }
        }
    }

    private func text(_ cr: OpaquePointer, _ s: String, x: Double? = nil, centerX: Double? = nil, y: Double,
                      maxWidth: Double? = nil, bold: Bool = false) {
        let layout = area.pangoLayout(nil)
        defer { unref(layout) }
        pango_layout_set_text(layout, s, -1) // plain text: labels come from the article
        if let maxWidth {
            pango_layout_set_width(layout, Int32(maxWidth * Double(PANGO_SCALE)))
            pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        }
        if bold {
            let attrs = pango_attr_list_new()
            pango_attr_list_insert(attrs, pango_attr_weight_new(PANGO_WEIGHT_BOLD))
            pango_layout_set_attributes(layout, attrs)
            pango_attr_list_unref(attrs)
        }
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(layout, &w, &h)
        let left = x ?? ((centerX ?? 0) - Double(w) / 2)
        cairo_move_to(cr, left, y)
        pango_cairo_show_layout(cr, layout)
    }

    /// The y of a label's last line (the row nearest the axis), and of its first line.
    static func labelY(_ p: TimelineLayout.Placed, rows: Int) -> Double {
        topPad + Double(rows - 1 - p.row) * rowHeight
    }
    static func labelTop(_ p: TimelineLayout.Placed, rows: Int) -> Double {
        labelY(p, rows: rows) - Double(p.lines.count - 1) * lineStep
    }

    private func hit(x: Double, y: Double) -> TimelineItem? {
        let height = Double(area.height)
        let axisY = height - Self.axisBand + 18
        for p in layout.placed {
            let labelY = Self.labelY(p, rows: layout.rows), top = Self.labelTop(p, rows: layout.rows)
            if x >= p.labelX0, x <= p.labelX0 + p.labelWidth, y >= top, y <= labelY + Self.rowHeight - 4 { return p.item }
            if abs(x - p.x) <= 8, abs(y - axisY) <= 8 { return p.item }
        }
        return nil
    }
}

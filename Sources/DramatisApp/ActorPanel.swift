import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The side panel: the actors sorted by salience (filterable), and below, the selected actor's
/// role, affiliation, positions and statements.
@MainActor
final class ActorPanel {
    let widget: Stack
    private let list: ListBox
    private let listScroll: ScrolledWindow
    private let filterEntry: SearchEntry
    private let detailStack: Stack
    private let nameLabel: Label
    private let subtitleLabel: Label
    private let countsLabel: Label
    private let positionsHeading: Label
    private let positionsList: ListBox
    private let statementsHeading: Label
    private let statements = StatementList()
    private var analysis: Analysis?
    private var rowIDs: [UnsafeMutableRawPointer: String] = [:]
    private var rowsByID: [String: ListBoxRow] = [:]
    private var searchKeys: [String: String] = [:]
    private(set) var selectedID: String?
    var selectedActor: String? { selectedID }
    private var positionEvidence: [UnsafeMutableRawPointer: Statement] = [:]
    private var updatingSelection = false
    private var unrealized = false

    var onActorSelected: ((String?) -> Void)?
    var onStatementActivated: ((Statement) -> Void)? {
        get { statements.onActivated }
        set { statements.onActivated = newValue }
    }

    init() {
        filterEntry = SearchEntry(placeholder: "Filter actors")
        filterEntry.accessibleLabel("Filter actors").margins(top: 8, bottom: 8, start: 10, end: 10)

        list = UI.listBox("navigation-sidebar")
        list.accessibleLabel("Actors")
        list.setPlaceholder(UI.label("No actors match", "dim-label", xalign: 0.5).margins(24))
        listScroll = UI.scrolled(list).expand(v: true)
        let top = UI.vbox(spacing: 0, [filterEntry, listScroll])

        nameLabel = UI.label("", "title-3", wrap: true, selectable: true)
        subtitleLabel = UI.label("", "dim-label", wrap: true)
        countsLabel = UI.label("", "caption", "dim-label")
        positionsHeading = UI.label("Positions", "detail-heading")
        positionsList = UI.listBox("boxed-list", selectable: false)
        positionsList.accessibleLabel("Positions")
        statementsHeading = UI.label("Statements", "detail-heading")
        let detail = UI.vbox(spacing: 6, [nameLabel, subtitleLabel, countsLabel, positionsHeading, positionsList,
                                          statementsHeading, statements.widget]).margins(top: 12, bottom: 18, start: 14, end: 14)
        detail.accessibleLabel("Selected actor")
        // A status page's look without AdwStatusPage, whose scrolled window and clamp cost the
        // first frame dozens of text layouts for two lines.
        let placeholderTitle = UI.label("No Actor Selected", "title-3", wrap: true, xalign: 0.5)
        let placeholderText = UI.label("Click a highlighted name in the article, or choose one above.", "dim-label",
                                       wrap: true, xalign: 0.5).centred()
        let placeholder = UI.vbox(spacing: 12, [UI.image("avatar-default-symbolic", size: 64).css("dim-label"),
                                                placeholderTitle, placeholderText])
            .align(v: GTK_ALIGN_CENTER).margins(24)
        detailStack = UI.stack()
        detailStack.add(placeholder, name: "none")
        detailStack.add(UI.scrolled(detail), name: "actor")
        detailStack.expand(v: true)

        // The list gets about two thirds of the panel: at the default window size (1200×780) that
        // is 6–7 actor rows (checked by scripts/tests/gui_test.py), the detail below keeps the
        // selected actor's name, counts and first positions; the handle moves the split.
        let paned = Paned(GTK_ORIENTATION_VERTICAL, start: top, end: detailStack, position: Self.listHeight)
        // While the core works: a spinner instead of an empty list.
        let spinner = Spinner().size(width: 24, height: 24)
        spinner.isSpinning = true
        let analysing = UI.vbox(spacing: 12, [spinner, UI.label("Finding who is in the article…", "dim-label", wrap: true, xalign: 0.5)])
            .align(h: GTK_ALIGN_CENTER, v: GTK_ALIGN_CENTER).margins(24)
        widget = UI.stack(crossfade: true)
        widget.add(paned, name: "ready")
        widget.add(analysing, name: "analysing")
        widget.css("actor-panel").size(width: 300)

        list.setFilter { [unowned self] row in matchesFilter(row) }
        Signal.on(filterEntry, "search-changed") { [unowned self] in
            addPendingRows()
            list.invalidateFilter()
        }
        Signal.onPointer(positionsList, "row-activated") { [unowned self] row in
            if let row, let statement = positionEvidence[row] { onStatementActivated?(statement) }
        }
        // When the window is destroyed (unrealized first) the list drops its selection after the
        // article is gone: nothing to tell the window then.
        Signal.on(list, "unrealize") { [unowned self] in unrealized = true }
        Signal.on(list, "realize") { [unowned self] in unrealized = false }
        Signal.onPointer(list, "row-selected") { [unowned self] row in
            guard !updatingSelection, !unrealized else { return }
            let id = row.flatMap { rowIDs[$0] }
            showDetail(id)
            onActorSelected?(id)
        }
    }

    // MARK: Content

    /// Actors by prominence, the order the exported summary lists them in (the core's ranking).
    static func ranked(_ analysis: Analysis) -> [(entity: Entity, statements: Int)] {
        var counts: [String: Int] = [:]
        for s in analysis.statements { if let id = s.speaker { counts[id, default: 0] += 1 } }
        return analysis.entitiesByProminence().map { ($0, counts[$0.id] ?? 0) }
    }

    func beginAnalysis() {
        analysis = nil
        pendingRows = []
        list.removeAll()
        rowIDs = [:]; rowsByID = [:]; searchKeys = [:]
        widget.visibleChild = "analysing"
    }

    /// Rows built before the first frame: more than the list shows at once (about five at its
    /// default height). The others follow in idle time, as many at a time, so a long cast of
    /// actors does not delay the article's first frame.
    static let rowsAtOnce = 8
    /// Height of the filter entry and actor list above the detail, in pixels.
    static let listHeight: Int32 = 560
    /// Rows still to build (the unattributed row last), and the analysis shown they belong to.
    private var pendingRows: [@MainActor () -> Void] = []
    private var rowBatch = 0

    func show(_ analysis: Analysis) {
        self.analysis = analysis
        widget.visibleChild = "ready"
        selectedID = nil
        list.removeAll()
        rowIDs = [:]; rowsByID = [:]; searchKeys = [:]
        filterEntry.text = ""
        var builders: [@MainActor () -> Void] = Self.ranked(analysis).map { entity, statementCount in
            { [unowned self] in
                let row = makeRow(entity, statements: statementCount, positions: analysis.positions(of: entity.id).filter(Preferences.shows))
                add(row, id: entity.id, searchText: [entity.name, entity.role ?? "", entity.type.displayName])
            }
        }
        // Statements whose speaker the core could not name still get a place (never dropped).
        let unattributed = analysis.statements.filter { $0.speaker == nil }.count
        if unattributed > 0 {
            builders.append { [unowned self] in
                let title = UI.label(Self.unattributedTitle, "heading")
                let counts = UI.label(Format.plural(unattributed, "statement"), "caption", "dim-label", "numeric")
                let row = ListBoxRow(UI.vbox(spacing: 3, [title, counts]).css("actor-row"))
                row.accessibleLabel("\(Self.unattributedTitle), \(Format.plural(unattributed, "statement"))")
                add(row, id: Self.unattributedID, searchText: [Self.unattributedTitle])
            }
        }
        pendingRows = builders
        addPendingRows(upTo: Self.rowsAtOnce)
        rowBatch += 1
        let batch = rowBatch
        if !pendingRows.isEmpty {
            Callback.idle { [weak self] in
                guard let self, batch == rowBatch else { return false }
                addPendingRows(upTo: Self.rowsAtOnce)
                return !pendingRows.isEmpty
            }
        }
        // The first actor is shown at once, so the detail is never an empty half until a click.
        // Its row is among the rows already built; the window highlights its mentions.
        if let first = Self.ranked(analysis).first?.entity.id, let row = rowsByID[first] {
            updatingSelection = true
            list.select(row)
            updatingSelection = false
            showDetail(first)
        } else {
            showDetail(nil)
        }
    }

    /// Builds the next `limit` pending rows (all of them before a selection or a filter needs them).
    private func addPendingRows(upTo limit: Int = .max) {
        let next = pendingRows.prefix(limit)
        pendingRows.removeFirst(next.count)
        for build in next { build() }
    }

    static let unattributedID = "\u{0}unattributed"
    static let unattributedTitle = "Unattributed statements"

    private func add(_ row: ListBoxRow, id: String, searchText: [String]) {
        list.append(row)
        rowIDs[row.raw] = id
        rowsByID[id] = row
        searchKeys[id] = searchText.joined(separator: "\n")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    private func makeRow(_ entity: Entity, statements: Int, positions: [Position]) -> ListBoxRow {
        let name = UI.label(entity.name, "heading", wrap: true)
        let box = UI.vbox(spacing: 3, [name]).css("actor-row")
        let subtitle = [entity.role, entity.type == .person ? nil : entity.type.displayName].compactMap { $0 }.first
        let role = UI.label(subtitle ?? "", "caption", "dim-label", ellipsize: true).expand(h: true)
        let counts = UI.label(Self.counts(entity, statements: statements), "caption", "dim-label", "numeric")
        box.append(UI.hbox(spacing: 6, [role, counts]))
        if !positions.isEmpty {
            // Two chips side by side at the panel's width: a row stays two lines plus one of chips.
            let chips = FlowBox(columnSpacing: 4, rowSpacing: 4, maxPerLine: 4, minPerLine: min(2, UInt32(positions.count)))
            chips.canTarget = false
            for p in positions { chips.append(Self.stanceChip(p)) }
            box.append(chips)
        }
        let row = ListBoxRow(box)
        var description = [entity.name]
        if let subtitle { description.append(subtitle) }
        description.append(Self.counts(entity, statements: statements))
        description += positions.map(Self.stanceText)
        row.accessibleLabel(description.joined(separator: ", "))
        return row
    }

    static func counts(_ entity: Entity, statements: Int) -> String {
        var parts: [String] = []
        if statements > 0 { parts.append(Format.plural(statements, "statement")) }
        parts.append(Format.plural(entity.mentions.count, "mention"))
        return parts.joined(separator: " · ")
    }

    static func stanceText(_ p: Position) -> String {
        switch p.stance {
        case .supports: "For \(p.topic)"
        case .opposes: "Against \(p.topic)"
        case .neutral: "Neutral on \(p.topic)"
        case .conditional: "Conditional on \(p.topic)"
        }
    }

    static func stanceChip(_ p: Position) -> Label {
        let chip = UI.label(stanceText(p), "stance-chip", p.stance.rawValue, ellipsize: true).align(h: GTK_ALIGN_START).maxWidthChars(20)
        chip.tooltip(p.summary)
        return chip
    }

    private func matchesFilter(_ row: UnsafeMutableRawPointer) -> Bool {
        let query = filterEntry.text
            .trimmingCharacters(in: .whitespaces)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        guard !query.isEmpty else { return true }
        guard let id = rowIDs[row], let key = searchKeys[id] else { return true }
        return key.contains(query)
    }

    // MARK: Selection

    /// Selects the actor's row and shows its details (without calling `onActorSelected`).
    /// Shows the selected actor again (the positions threshold changed).
    func refreshPositions() { if selectedID != nil { showDetail(selectedID) } }

    func select(entity id: String?) {
        addPendingRows()
        updatingSelection = true
        defer { updatingSelection = false }
        if let id, let row = rowsByID[id] {
            list.select(row)
            scrollIntoView(row)
        } else {
            list.unselectAll()
        }
        showDetail(id)
    }

    /// Scrolls the actor list just enough to show the row (without taking the keyboard focus).
    private func scrollIntoView(_ row: ListBoxRow) {
        guard let origin = row.origin(in: list) else { return }
        listScroll.scrollToShow(top: origin.y, height: Double(row.height))
    }

    private func showUnattributed(_ analysis: Analysis) {
        let said = analysis.statements.filter { $0.speaker == nil }
        nameLabel.text = Self.unattributedTitle
        subtitleLabel.text = "Statements whose speaker the text does not name clearly"
        countsLabel.text = Format.plural(said.count, "statement")
        positionsHeading.isVisible = false
        positionsList.isVisible = false
        statements.show(said)
        statementsHeading.text = "Statements"
        statements.widget.isVisible = true
        detailStack.visibleChild = "actor"
    }

    private func showDetail(_ id: String?) {
        selectedID = id
        if let analysis, id == Self.unattributedID {
            showUnattributed(analysis)
            return
        }
        guard let analysis, let id, let entity = analysis.entity(id: id) else {
            detailStack.visibleChild = "none"
            return
        }
        nameLabel.text = entity.name
        var subtitle = [entity.type.displayName]
        if let role = entity.role { subtitle.append(role) }
        if let affiliation = analysis.entity(id: entity.affiliation)?.name ?? entity.affiliation { subtitle.append(affiliation) }
        subtitleLabel.text = subtitle.joined(separator: " · ")
        let said = analysis.statements(by: id)
        countsLabel.text = Self.counts(entity, statements: said.count)

        let positions = analysis.positions(of: id).filter(Preferences.shows)
        positionsList.removeAll()
        positionEvidence = [:]
        for p in positions {
            let topic = UI.label(p.topic, "heading", ellipsize: true).expand(h: true)
            let stance = UI.label(p.stance.rawValue, "stance-chip", p.stance.rawValue)
            let summary = UI.label(p.summary, wrap: true)
            let box = UI.vbox(spacing: 4, [UI.hbox(spacing: 6, [topic, stance]), summary])
                .margins(top: 8, bottom: 8, start: 12, end: 12)
            let row = ListBoxRow(box)
            // Activating a position shows its first piece of evidence in the article.
            let evidence = analysis.firstEvidence(of: p)
            UI.linkToEvidence(row, evidence)
            row.accessibleLabel("\(Self.stanceText(p)): \(p.summary)")
            positionsList.append(row)
            positionEvidence[row.raw] = evidence
        }
        positionsHeading.isVisible = !positions.isEmpty
        positionsList.isVisible = !positions.isEmpty

        statements.show(said)
        statementsHeading.text = said.isEmpty ? "No statements attributed" : "Statements"
        statements.widget.isVisible = !said.isEmpty
        detailStack.visibleChild = "actor"
    }
}

import CGtk
import CGtkShim
import DramatisCore
import DramatisLibrary
import Foundation

/// The Library page: the articles of the library by date and outlet, a search over actors,
/// article texts and statements, and an actor's page (statements across articles in time order
/// with their article titles, positions per topic over time with changes marked). Every row
/// opens its article at its sentence (`onOpen`).
@MainActor
final class LibraryView {
    let widget: Box
    private let stack: Stack
    private let entry: SearchEntry
    private let homeList: ListBox
    private let actorContent: Box
    private let actorTitle: Label
    private let emptyPage: StatusPage
    private var homeTargets: [UnsafeMutableRawPointer: Target] = [:]
    private var actorTargets: [UnsafeMutableRawPointer: Target] = [:]
    /// Opens a library article, with the span to show (nil: the article's start).
    var onOpen: ((Int64, (start: Int, end: Int)?) -> Void)?

    enum Target { case article(Int64, (start: Int, end: Int)?), actor(Int64) }

    init() {
        entry = SearchEntry(placeholder: "Search actors, articles and statements")
        entry.accessibleLabel("Search the library").margins(top: 12, bottom: 6, start: 18, end: 18)
        homeList = UI.listBox("boxed-list", selectable: false)
        homeList.accessibleLabel("Library")
        let homeClamp = Clamp(homeList.margins(top: 6, bottom: 24, start: 18, end: 18), maximumSize: 900)

        actorTitle = UI.label("", "title-2", wrap: true)
        actorContent = UI.vbox(spacing: 12)
        let back = UI.button(icon: "go-previous-symbolic", tooltip: "Back to the Library")
        let actorBox = UI.vbox(spacing: 12, [UI.hbox(spacing: 8, [back, actorTitle]), actorContent]).margins(top: 12, bottom: 24, start: 18, end: 18)
        let actorClamp = Clamp(actorBox, maximumSize: 900)

        emptyPage = StatusPage(icon: "system-file-manager-symbolic", title: "The Library Is Empty",
                               description: "Articles you open are added here, so you can follow each actor across them.")

        stack = UI.stack()
        stack.add(UI.scrolled(homeClamp).expand(v: true), name: "home")
        stack.add(UI.scrolled(actorClamp).expand(v: true), name: "actor")
        stack.add(emptyPage, name: "empty")
        widget = UI.vbox(spacing: 0, [entry, stack.expand(v: true)])

        Signal.on(entry, "search-changed") { [unowned self] in reload(showResults: true) }
        // Articles added by any window (or a failed open of the library) show at once.
        AppLibrary.observers.append { [weak self] in self?.reload() }
        Signal.on(back, "clicked") { [unowned self] in stack.visibleChild = "home" }
        Signal.onPointer(homeList, "row-activated") { [unowned self] row in if let row { activate(row) } }
    }

    private var library: Library? { AppLibrary.shared }

    private func activate(_ row: UnsafeMutableRawPointer) {
        switch homeTargets[row] ?? actorTargets[row] {
        case .article(let id, let span): onOpen?(id, span)
        case .actor(let id): showActor(id)
        case nil: break
        }
    }

    private func row(_ title: String, _ subtitle: String, _ target: Target, label: String? = nil, to list: ListBox) {
        // Article text is not markup: the row shows it as it is.
        let row = ActionRow(title: title, subtitle: subtitle, titleLines: 3, activatable: true)
        row.addSuffix(UI.image("go-next-symbolic"))
        row.accessibleLabel(label ?? "\(title), \(subtitle)")
        list.append(row)
        if list.widget == homeList.widget { homeTargets[row.raw] = target } else { actorTargets[row.raw] = target }
    }

    static func sourceLine(_ s: SourceRef) -> String {
        [s.published ?? "undated", s.title ?? "article \(s.article)", s.outlet].compactMap { $0 }.joined(separator: " · ")
    }

    /// The article list, or the search results for the entry's text. An actor page stays on
    /// screen unless `showResults` (the user searched).
    func reload(showResults: Bool = false) {
        homeList.removeAll()
        homeTargets = [:]
        guard let library else { return showEmpty("The library could not be opened.") }
        let query = entry.text
        do {
            if query.trimmingCharacters(in: .whitespaces).isEmpty {
                let articles = try library.articles(limit: 500)
                if articles.isEmpty { return showEmpty(nil) }
                for a in articles {
                    row(a.title ?? "Article \(a.id)", [a.published ?? "undated", a.outlet, "\(a.statements) statements"].compactMap { $0 }.joined(separator: " · "),
                        .article(a.id, nil), to: homeList)
                }
            } else {
                for actor in try library.actors(named: query).prefix(20) {
                    row(actor.name, "\(actor.type) · \(Format.plural(actor.articles, "article"))", .actor(actor.id),
                        label: "Actor \(actor.name), \(Format.plural(actor.articles, "article"))", to: homeList)
                }
                for hit in try library.search(query, limit: 50) {
                    let title = hit.kind == "statement" ? "“\(hit.snippet)”" : hit.snippet
                    let who = hit.speaker.map { "\($0) · " } ?? ""
                    row(title, who + Self.sourceLine(hit.source),
                        .article(hit.source.article, hit.kind == "statement" ? (hit.source.start, hit.source.end) : nil), to: homeList)
                }
            }
            if showResults || stack.visibleChild != "actor" { stack.visibleChild = "home" }
        } catch {
            showEmpty(error.localizedDescription)
        }
    }

    private func showEmpty(_ problem: String?) {
        if let problem { emptyPage.description = problem }
        stack.visibleChild = "empty"
    }

    /// Statements or positions an actor page shows at first and adds per "Show More": the most
    /// quoted actors have tens of thousands, which neither a query nor a list box does at once.
    static let pageSize = 100

    /// What the open actor page shows so far, so that "Show More" reads the next page.
    private struct ActorPage {
        var actor: Int64
        var statements: ListBox
        var positions: Box
        var shownStatements = 0, shownPositions = 0
        var statementCount = 0, positionCount = 0
        var topic: String?
        var topicList: ListBox?
    }
    private var page: ActorPage?

    /// An actor's page: statements by date, then positions per topic over time, a page of each.
    func showActor(_ id: Int64) {
        guard let library, let record = try? library.record(of: id, page: .first(Self.pageSize)) else { return }
        actorContent.removeAll()
        actorTargets = [:]
        actorTitle.text = record.actor.name
        let also = record.aliases.filter { $0 != record.actor.name }
        let caption = "\(record.actor.type) · \(Format.plural(record.actor.articles, "article"))" + (also.isEmpty ? "" : " · also written \(also.joined(separator: ", "))")
        actorContent.append(UI.label(caption, "dim-label", wrap: true))
        actorContent.append(UI.label("Statements", "heading"))
        let statements = UI.listBox("boxed-list", selectable: false)
        statements.accessibleLabel("Statements across articles")
        Signal.onPointer(statements, "row-activated") { [unowned self] row in if let row { activate(row) } }
        if record.statements.isEmpty { actorContent.append(UI.label("No statements recorded.", "dim-label")) } else { actorContent.append(statements) }
        let moreStatements = UI.button(label: "Show More Statements").align(h: GTK_ALIGN_CENTER)
        actorContent.append(moreStatements)
        actorContent.append(UI.label("Positions", "heading"))
        let positions = UI.vbox(spacing: 12)
        actorContent.append(positions)
        if record.positions.isEmpty { actorContent.append(UI.label("No positions recorded.", "dim-label")) }
        let morePositions = UI.button(label: "Show More Positions").align(h: GTK_ALIGN_CENTER)
        actorContent.append(morePositions)
        page = ActorPage(actor: id, statements: statements, positions: positions,
                         statementCount: record.statementCount, positionCount: record.positionCount)
        append(record.statements, record.positions)
        update(moreStatements, shown: page?.shownStatements ?? 0, of: record.statementCount, "statement")
        update(morePositions, shown: page?.shownPositions ?? 0, of: record.positionCount, "position")
        Signal.on(moreStatements, "clicked") { [unowned self] in
            guard let page, page.actor == id, let more = try? library.statements(of: id, offset: page.shownStatements, limit: Self.pageSize) else { return }
            append(more, [])
            update(moreStatements, shown: self.page?.shownStatements ?? 0, of: page.statementCount, "statement")
        }
        Signal.on(morePositions, "clicked") { [unowned self] in
            guard let page, page.actor == id, let more = try? library.positions(of: id, offset: page.shownPositions, limit: Self.pageSize) else { return }
            append([], more)
            update(morePositions, shown: self.page?.shownPositions ?? 0, of: page.positionCount, "position")
        }
        stack.visibleChild = "actor"
    }

    /// The button reads how many are left, and goes when none are.
    private func update(_ button: Button, shown: Int, of total: Int, _ word: String) {
        button.isVisible = shown < total
        button.label = "Show More (\(Format.plural(total - shown, word)) Left)"
        button.accessibleLabel("Show more \(word)s, \(total - shown) left")
    }

    /// Adds rows for the next statements and positions to the open actor page.
    private func append(_ statements: [RecordStatement], _ positions: [RecordPosition]) {
        guard var page else { return }
        for s in statements {
            row("“\(s.text)”", Self.sourceLine(s.source), .article(s.source.article, (s.source.start, s.source.end)),
                label: "“\(s.text)” in \(s.source.title ?? "article \(s.source.article)")", to: page.statements)
        }
        for p in positions {
            if p.topic != page.topic {
                page.topic = p.topic
                page.positions.append(UI.label(p.topic, "title-4"))
                let l = UI.listBox("boxed-list", selectable: false)
                l.accessibleLabel("Positions on \(p.topic) over time")
                Signal.onPointer(l, "row-activated") { [unowned self] row in if let row { activate(row) } }
                page.positions.append(l)
                page.topicList = l
            }
            row("\(p.changed ? "Changed: " : "")\(p.stance): \(p.summary)", Self.sourceLine(p.source),
                .article(p.source.article, p.source.end > p.source.start ? (p.source.start, p.source.end) : nil), to: page.topicList!)
        }
        page.shownStatements += statements.count
        page.shownPositions += positions.count
        self.page = page
    }
}

/// The library the window adds to and reads: the default file (or `$DRAMATIS_LIBRARY`), opened
/// on first use; nil when it cannot be opened (the window works without it).
@MainActor
enum AppLibrary {
    static let shared: Library? = try? Library()

    /// Called on the main thread after every article a window added.
    static var observers: [@MainActor () -> Void] = []

    /// Adds an analysed article off the main thread (one transaction; a CLI `library add` may
    /// run at the same time), then tells every Library view; `failed` gets the error.
    static func add(_ analysis: Analysis, failed: @escaping @MainActor (Error) -> Void) {
        guard let library = shared else { return }
        Task.detached(priority: .utility) {
            let result = Result { try library.add(analysis) }
            await MainActor.run {
                if case .failure(let error) = result { failed(error) }
                for observer in observers { observer() }
            }
        }
    }
}

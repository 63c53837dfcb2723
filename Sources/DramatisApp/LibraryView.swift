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
    let widget: Widget
    private let stack: Widget
    private let entry: Widget
    private let homeList: Widget
    private let actorContent: Widget
    private let actorTitle: Widget
    private let emptyPage: Widget
    private var homeTargets: [UnsafeMutableRawPointer: Target] = [:]
    private var actorTargets: [UnsafeMutableRawPointer: Target] = [:]
    /// Opens a library article, with the span to show (nil: the article's start).
    var onOpen: ((Int64, (start: Int, end: Int)?) -> Void)?

    enum Target { case article(Int64, (start: Int, end: Int)?), actor(Int64) }

    init() {
        entry = gtk_search_entry_new()!
        dr_object_set_string(entry, "placeholder-text", "Search actors, articles and statements")
        entry.accessibleLabel("Search the library").margins(top: 12, bottom: 6, start: 18, end: 18)
        homeList = UI.listBox("boxed-list")
        gtk_list_box_set_selection_mode(opaque(homeList), GTK_SELECTION_NONE)
        homeList.accessibleLabel("Library")
        let homeClamp = adw_clamp_new()!
        adw_clamp_set_maximum_size(opaque(homeClamp), 900)
        adw_clamp_set_child(opaque(homeClamp), homeList.margins(top: 6, bottom: 24, start: 18, end: 18))

        actorTitle = UI.label("", "title-2", wrap: true)
        actorContent = UI.vbox(spacing: 12)
        let back = UI.button(icon: "go-previous-symbolic", tooltip: "Back to the Library")
        let actorBox = UI.vbox(spacing: 12, [UI.hbox(spacing: 8, [back, actorTitle]), actorContent]).margins(top: 12, bottom: 24, start: 18, end: 18)
        let actorClamp = adw_clamp_new()!
        adw_clamp_set_maximum_size(opaque(actorClamp), 900)
        adw_clamp_set_child(opaque(actorClamp), actorBox)

        emptyPage = adw_status_page_new()!
        adw_status_page_set_icon_name(opaque(emptyPage), "system-file-manager-symbolic")
        adw_status_page_set_title(opaque(emptyPage), "The Library Is Empty")
        adw_status_page_set_description(opaque(emptyPage), "Articles you open are added here, so you can follow each actor across them.")

        stack = UI.stack()
        gtk_stack_add_named(opaque(stack), UI.scrolled(homeClamp).expand(v: true), "home")
        gtk_stack_add_named(opaque(stack), UI.scrolled(actorClamp).expand(v: true), "actor")
        gtk_stack_add_named(opaque(stack), emptyPage, "empty")
        widget = UI.vbox(spacing: 0, [entry, stack.expand(v: true)])

        Signal.on(entry, "search-changed") { [unowned self] in reload(showResults: true) }
        // Articles added by any window (or a failed open of the library) show at once.
        AppLibrary.observers.append { [weak self] in self?.reload() }
        Signal.on(back, "clicked") { [unowned self] in gtk_stack_set_visible_child_name(opaque(stack), "home") }
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

    private func row(_ title: String, _ subtitle: String, _ target: Target, label: String? = nil, to list: Widget) {
        let row = adw_action_row_new()!
        adw_preferences_row_set_use_markup(cast(row), 0) // article text is not markup
        adw_preferences_row_set_title(cast(row), title)
        adw_action_row_set_subtitle(cast(row), subtitle)
        adw_action_row_set_title_lines(cast(row), 3)
        gtk_list_box_row_set_activatable(cast(row), 1)
        adw_action_row_add_suffix(cast(row), UI.image("go-next-symbolic"))
        DramatisApp.widget(row).accessibleLabel(label ?? "\(title), \(subtitle)")
        gtk_list_box_append(opaque(list), row)
        if list == homeList { homeTargets[UnsafeMutableRawPointer(row)] = target } else { actorTargets[UnsafeMutableRawPointer(row)] = target }
    }

    static func sourceLine(_ s: SourceRef) -> String {
        [s.published ?? "undated", s.title ?? "article \(s.article)", s.outlet].compactMap { $0 }.joined(separator: " · ")
    }

    /// The article list, or the search results for the entry's text. An actor page stays on
    /// screen unless `showResults` (the user searched).
    func reload(showResults: Bool = false) {
        UI.clearList(homeList)
        homeTargets = [:]
        guard let library else { return showEmpty("The library could not be opened.") }
        let query = String(cString: gtk_editable_get_text(opaque(entry)))
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
            let current = String(cString: gtk_stack_get_visible_child_name(opaque(stack)))
            if showResults || current != "actor" { gtk_stack_set_visible_child_name(opaque(stack), "home") }
        } catch {
            showEmpty(error.localizedDescription)
        }
    }

    private func showEmpty(_ problem: String?) {
        if let problem { adw_status_page_set_description(opaque(emptyPage), problem) }
        gtk_stack_set_visible_child_name(opaque(stack), "empty")
    }

    /// Statements or positions an actor page shows at first and adds per "Show More": the most
    /// quoted actors have tens of thousands, which neither a query nor a list box does at once.
    static let pageSize = 100

    /// What the open actor page shows so far, so that "Show More" reads the next page.
    private struct ActorPage {
        var actor: Int64
        var statements: Widget
        var positions: Widget
        var shownStatements = 0, shownPositions = 0
        var statementCount = 0, positionCount = 0
        var topic: String?
        var topicList: Widget?
    }
    private var page: ActorPage?

    /// An actor's page: statements by date, then positions per topic over time, a page of each.
    func showActor(_ id: Int64) {
        guard let library, let record = try? library.record(of: id, page: .first(Self.pageSize)) else { return }
        UI.clear(actorContent)
        actorTargets = [:]
        UI.setText(actorTitle, record.actor.name)
        let also = record.aliases.filter { $0 != record.actor.name }
        let caption = "\(record.actor.type) · \(Format.plural(record.actor.articles, "article"))" + (also.isEmpty ? "" : " · also written \(also.joined(separator: ", "))")
        UI.append(actorContent, UI.label(caption, "dim-label", wrap: true))
        UI.append(actorContent, UI.label("Statements", "heading"))
        let statements = UI.listBox("boxed-list")
        gtk_list_box_set_selection_mode(opaque(statements), GTK_SELECTION_NONE)
        statements.accessibleLabel("Statements across articles")
        Signal.onPointer(statements, "row-activated") { [unowned self] row in if let row { activate(row) } }
        if record.statements.isEmpty { UI.append(actorContent, UI.label("No statements recorded.", "dim-label")) } else { UI.append(actorContent, statements) }
        let moreStatements = UI.button(label: "Show More Statements").align(h: GTK_ALIGN_CENTER)
        UI.append(actorContent, moreStatements)
        UI.append(actorContent, UI.label("Positions", "heading"))
        let positions = UI.vbox(spacing: 12)
        UI.append(actorContent, positions)
        if record.positions.isEmpty { UI.append(actorContent, UI.label("No positions recorded.", "dim-label")) }
        let morePositions = UI.button(label: "Show More Positions").align(h: GTK_ALIGN_CENTER)
        UI.append(actorContent, morePositions)
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
        gtk_stack_set_visible_child_name(opaque(stack), "actor")
    }

    /// The button reads how many are left, and goes when none are.
    private func update(_ button: Widget, shown: Int, of total: Int, _ word: String) {
        button.isVisible = shown < total
        gtk_button_set_label(cast(button), "Show More (\(Format.plural(total - shown, word)) Left)")
        dr_accessible_set_label(button, "Show more \(word)s, \(total - shown) left")
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
                UI.append(page.positions, UI.label(p.topic, "title-4"))
                let l = UI.listBox("boxed-list")
                gtk_list_box_set_selection_mode(opaque(l), GTK_SELECTION_NONE)
                l.accessibleLabel("Positions on \(p.topic) over time")
                Signal.onPointer(l, "row-activated") { [unowned self] row in if let row { activate(row) } }
                UI.append(page.positions, l)
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

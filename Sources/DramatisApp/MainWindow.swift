import CGtk
import CGtkShim
import DramatisCore
import DramatisLibrary
import Foundation

/// One article per window: header bar with Open, view switcher and menu; an empty state, a
/// progress page while the article is analysed off the main thread, then the Article and
/// Timeline views. Files dropped on the window open in it.
@MainActor
final class MainWindow {
    let widget: ApplicationWindow
    private unowned let app: ApplicationController
    private let toastOverlay: ToastOverlay
    private let mainStack: Stack
    private let viewStack: ViewStack
    private let switcherTitle: ViewSwitcherTitle
    private let switcherBar: ViewSwitcherBar
    private let loadingLabel: Label
    private let spinner: Spinner
    private let headerSpinner: Spinner
    /// Stops the analysis under way (win.cancel-analysis); shown only while one runs.
    private let cancelButton: Button
    private let emptyContent: Box
    private var recentBox: Box?
    private let articleView = ArticleView()
    private let actorPanel = ActorPanel()
    private let timelineView = TimelineView()
    private let positionsView = PositionsView()
    /// The Library page's place in the view stack; the view itself is built when first shown
    /// (its empty page's large icon alone has no PNG and would load the SVG loader at start-up).
    private let libraryPage = UI.vbox(spacing: 0)
    private var libraryView: LibraryView?
    /// Pages that have been on screen: the others get the analysis when they first show, so the
    /// first frame builds only the article and the panel.
    private var shownPages: Set<String> = ["article"]
    /// Work no frame needs (adding the article to the library), run after the window's first frame.
    private var afterFirstFrame: [@MainActor () -> Void] = []
    private var hasPainted = false
    /// The library article shown, when it was opened from the Library view (not added again).
    private var libraryArticle: Int64?
    private let exportMenu = ExportMenu()
    private(set) var analysis: Analysis?
    /// The analysis shown with the core's annotations, which a new publication date re-analyses.
    private var shown: AnalysedDocument?
    /// The file or address shown (titles, re-analysis).
    private var documentPath: String?
    private var pending: PendingDocument?
    private(set) var isLoading = false
    private var isPresented = false
    private var loadGeneration = 0

    var isEmpty: Bool { analysis == nil }
    var isActive: Bool { widget.isActive }

    init(app: ApplicationController) {
        self.app = app
        StartupTrace.mark("window: build")
        widget = ApplicationWindow(application: app.app)
        widget.defaultSize = (1200, 780)
        Preferences.restoreSize(widget)
        widget.title = "Dramatis"

        // Header bar.
        let header = HeaderBar()
        let open = UI.button(label: "_Open", tooltip: "Open an Article (Ctrl+O)", action: "app.open")
        header.packStart(open)
        let menuButton = MenuButton(icon: "open-menu-symbolic", primary: true)
        menuButton.buildPopoverOnFirstOpen { menuButton.setMenu(Self.primaryMenu()) }
        menuButton.tooltip("Main Menu")
        menuButton.accessibleLabel("Main Menu")
        header.packEnd(menuButton)
        let find = UI.button(icon: "edit-find-symbolic", tooltip: "Search the Article (Ctrl+F)", action: "win.find")
        header.packEnd(find)
        header.packEnd(exportMenu.widget)
        headerSpinner = Spinner()
        headerSpinner.tooltip("Analysing the article…")
        headerSpinner.accessibleLabel("Analysing the article")
        headerSpinner.isVisible = false
        header.packStart(headerSpinner)
        cancelButton = UI.button(label: "_Cancel", tooltip: "Stop Analysing the Article", action: "win.cancel-analysis")
        cancelButton.isVisible = false
        header.packStart(cancelButton)

        viewStack = ViewStack()
        switcherTitle = ViewSwitcherTitle(stack: viewStack)
        switcherTitle.setTitle("Dramatis")
        header.setTitleWidget(switcherTitle)
        switcherBar = ViewSwitcherBar(stack: viewStack)

        // Pages of the view stack.
        let paned = Paned(GTK_ORIENTATION_HORIZONTAL, start: articleView.widget, end: actorPanel.widget, position: 810, resizeEnd: false)
        viewStack.add(paned, name: "article", title: "Article", icon: "text-x-generic-symbolic")
        viewStack.add(timelineView.widget, name: "timeline", title: "Timeline", icon: "x-office-calendar-symbolic")
        viewStack.add(positionsView.widget, name: "positions", title: "Positions", icon: "view-list-symbolic")
        viewStack.add(libraryPage, name: "library", title: "Library", icon: "system-file-manager-symbolic")

        // Main stack: empty state, progress, document.
        mainStack = UI.stack(crossfade: true)
        mainStack.expand(v: true)
        let empty = Self.emptyPage()
        emptyContent = empty.content
        mainStack.add(empty.page, name: "empty")
        spinner = Spinner().size(width: 32, height: 32)
        loadingLabel = UI.label("", "title-4", wrap: true, xalign: 0.5)
        let cancelLoading = UI.button(label: "_Cancel", action: "win.cancel-analysis", "pill").align(h: GTK_ALIGN_CENTER, v: GTK_ALIGN_CENTER)
        let loading = UI.vbox(spacing: 12, [spinner, loadingLabel, cancelLoading]).align(h: GTK_ALIGN_CENTER, v: GTK_ALIGN_CENTER)
        mainStack.add(loading, name: "loading")
        mainStack.add(UI.vbox(spacing: 0, [viewStack.expand(v: true), switcherBar]), name: "document")

        let content = UI.vbox(spacing: 0, [header, mainStack])
        toastOverlay = ToastOverlay(content)
        widget.setContent(toastOverlay)

        Signal.onPointer(switcherTitle, "notify::title-visible") { [unowned self] _ in updateSwitcherBar() }
        installActions()
        installDropTarget()
        connectViews()
        setDocumentMode(false)
        updateStyleDescription()
        Signal.onBool(widget, "close-request") { [unowned self] in Preferences.saveSize(widget); return false }
        Signal.on(widget, "destroy") { [unowned self] in app.windowClosed(self) }
        Signal.on(widget, "realize") { [unowned self] in
            guard let clock = widget.frameClock else { return }
            Signal.on(clock, "after-paint") { [unowned self] in
                guard !hasPainted else { return }
                hasPainted = true
                Callback.idle { [weak self] in self?.runAfterFirstFrame(); return false }
            }
        }
        StartupTrace.mark("window: built")
        StartupTrace.traceFrames(of: widget)
    }

    /// Runs `work` once the window has painted its first frame (at once if it has).
    private func whenPainted(_ work: @escaping @MainActor () -> Void) {
        afterFirstFrame.append(work)
        if hasPainted { runAfterFirstFrame() }
    }

    private func runAfterFirstFrame() {
        let work = afterFirstFrame
        afterFirstFrame = []
        for w in work { w() }
    }

    func present() {
        // The recent list is read only when the empty state is what the window shows.
        if !isPresented, isEmpty, !isLoading { updateRecent() }
        isPresented = true
        widget.present()
    }

    // MARK: Pages

    private static func emptyPage() -> (page: StatusPage, content: Box) {
        let open = UI.button(label: "_Open Article…", action: "app.open", "pill", "suggested-action")
        let sample = UI.button(label: "Open _Sample Article", action: "app.open-sample", "pill")
        let buttons = UI.vbox(spacing: 12, [open, sample]).align(h: GTK_ALIGN_CENTER)
        let content = UI.vbox(spacing: 24, [buttons])
        let page = StatusPage(icon: DramatisApplication.id, title: "Open an Article",
            description: "See who is in a news article, what each of them said, and when things happened. Drop a text, Markdown or HTML file here, or open one.",
            child: content)
        return (page, content)
    }

    /// Recently opened articles under the buttons of the empty state (refreshed when it shows).
    private func updateRecent() {
        if let recentBox { emptyContent.remove(recentBox); self.recentBox = nil }
        let items = RecentArticles.items()
        guard !items.isEmpty else { return }
        let list = UI.listBox("boxed-list", selectable: false)
        list.accessibleLabel("Recent articles")
        var paths: [UnsafeMutableRawPointer: String] = [:]
        for item in items {
            // File names are not markup: the row shows them as they are.
            let row = ActionRow(title: item.name, subtitle: item.folder, activatable: true)
            row.addSuffix(UI.image("go-next-symbolic"))
            list.append(row)
            paths[row.raw] = item.path
        }
        Signal.onPointer(list, "row-activated") { [unowned self] row in
            if let row, let path = paths[row] { open(path: path) }
        }
        let box = UI.vbox(spacing: 8, [UI.label("Recent", "heading"), list]).size(width: 360).align(h: GTK_ALIGN_CENTER)
        emptyContent.append(box)
        recentBox = box
    }

    private static func primaryMenu() -> Menu {
        Menu(sections: [
            [("_New Window", "app.new-window"), ("Open _Location…", "win.open-location"), ("Open _Sample Article", "app.open-sample")],
            [("Follow System Style", "app.color-scheme::default"), ("Light Style", "app.color-scheme::light"),
             ("Dark Style", "app.color-scheme::dark")],
            [("_Preferences", "app.preferences"), ("_Keyboard Shortcuts", "win.show-help-overlay"), ("_About Dramatis", "app.about")],
        ])
    }

    /// The bottom switcher bar shows when the header has no room for the switcher (narrow
    /// windows), and only while there are views to switch.
    private func updateSwitcherBar() {
        switcherBar.reveal = switcherTitle.isTitleVisible && switcherTitle.isSwitcherEnabled
    }

    private func setDocumentMode(_ on: Bool) {
        switcherTitle.isSwitcherEnabled = on
        updateSwitcherBar()
        for name in ["find", "show-article", "show-timeline", "show-positions", "export", "export-menu"] { widget.setEnabled(name, on) }
        exportMenu.isSensitive = on
    }

    /// The style manager's state in the window's accessible description ("Dark style" or "Light
    /// style"), for screen readers and the GUI test.
    func updateStyleDescription() {
        widget.accessibleDescription(StyleManager.isDark ? "Dark style" : "Light style")
    }

    /// After the highlighted types changed in Preferences.
    func refreshHighlights() { articleView.applyHighlights() }
    func refreshPositions() { positionsView.refresh(); actorPanel.refreshPositions() }

    // MARK: Opening

    func chooseFile() {
        let filters = [
            FileChooser.Filter(name: "Articles", mimeTypes: ["text/plain", "text/markdown", "text/html", "application/xhtml+xml", "application/json"],
                               patterns: ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.json"]),
            FileChooser.Filter(name: "All Files", patterns: ["*"]),
        ]
        FileChooser.present(title: "Open Article", parent: widget, save: false, accept: "_Open", filters: filters,
                            folder: Preferences.lastFolder) { [unowned self] path in
            Preferences.lastFolder = (path as NSString).deletingLastPathComponent
            open(path: path)
        }
    }

    /// Loads and analyses off the main thread; the window keeps drawing, with a spinner.
    /// `wait`: how long the caller accepts to block for an analysis already under way (files
    /// from the command line, before the window is on screen), so the first frame shows it whole.
    func open(path: String, wait: Double = 0) {
        load(DocumentLoader.open(path), path: path, label: "Analysing “\((path as NSString).lastPathComponent)”…", wait: wait)
    }

    /// Open Location…: a web article by its address, with the same loading UI and error toasts.
    func open(location: String) {
        load(DocumentLoader.openLocation(location), path: location, label: "Fetching \(location)…")
    }

    func chooseLocation() {
        LocationDialog.present(parent: widget) { [unowned self] location in open(location: location) }
    }

    private func load(_ pending: PendingDocument, path: String, label: String, wait: Double = 0) {
        self.pending?.cancel()
        loadGeneration += 1
        if let result = pending.finished(waitingUpTo: wait) {
            self.pending = nil
            finish(result, path: path)
            return
        }
        self.pending = pending
        let generation = loadGeneration
        isLoading = true
        cancelButton.isVisible = true
        loadingLabel.text = label
        spinner.isSpinning = true
        mainStack.visibleChild = "loading"
        setDocumentMode(false)
        Task { @MainActor [weak self] in
            // Stage 1: the text, shown at once; the analysis runs meanwhile.
            let first = await pending.text.result
            guard let self, generation == loadGeneration else { return }
            // (A saved analysis needs no analysis: it is displayed whole, in one frame.)
            StartupTrace.mark("text ready")
            if case .success(.article(let article)) = first { showText(article, path: path) }
            StartupTrace.mark("text shown")
            // Stage 2: the analysis (a failure of stage 1 arrives here too).
            let result = await pending.analysis.result
            StartupTrace.mark("analysis ready")
            guard generation == loadGeneration else { return }
            self.pending = nil
            isLoading = false
            cancelButton.isVisible = false
            spinner.isSpinning = false
            headerSpinner.isVisible = false
            headerSpinner.isSpinning = false
            finish(result, path: path)
        }
    }

    private func finish(_ result: Result<AnalysedDocument, Error>, path: String) {
        switch result {
        case .success(let document): display(document, path: path)
        case .failure(let error):
            failed(path: path, error: error)
            app.documentFailed(in: self, message: Self.message(for: error, path: path))
        }
    }

    /// The article text before its analysis: readable and searchable, highlights to come.
    private func showText(_ article: Article, path: String) {
        analysis = nil
        shown = nil
        articleView.showText(article)
        actorPanel.beginAnalysis()
        setTitles(article, path: path)
        viewStack.visibleChild = "article"
        mainStack.visibleChild = "document"
        setDocumentMode(false)
        widget.setEnabled("find", true)
        headerSpinner.isVisible = true
        headerSpinner.isSpinning = true
    }

    private func setTitles(_ article: Article, path: String) {
        let name = (path as NSString).lastPathComponent
        let title = article.title ?? name
        switcherTitle.setTitle(title, subtitle: name)
        widget.title = "\(title) — Dramatis"
    }

    private func display(_ document: AnalysedDocument, path: String) {
        let analysis = document.analysis
        let textShown = articleView.isShowing(analysis.article.text)
        documentPath = path
        shown = document
        self.analysis = analysis
        articleView.show(analysis)
        actorPanel.show(analysis)
        // Pages not yet on screen get the analysis when they first show (`pageShown`).
        if shownPages.contains("timeline") { timelineView.show(analysis) }
        if shownPages.contains("positions") { positionsView.show(analysis) }
        // The panel opens on its first actor: the article marks that actor's mentions.
        articleView.select(entity: actorPanel.selectedActor)
        setTitles(analysis.article, path: path)
        if !textShown { viewStack.visibleChild = "article" }
        mainStack.visibleChild = "document"
        setDocumentMode(true)
        FileURI.addRecent(path: path)
        StartupTrace.mark("analysis shown")
        if Preferences.libraryAddsOpened, libraryArticle == nil {
            // After the first frame: the library's write and its views' reload are no part of it.
            whenPainted {
                AppLibrary.add(analysis) { [weak self] error in
                    self?.toast("Not added to the library: \(error.localizedDescription)", timeout: 8)
                }
            }
        }
        app.documentShown(in: self)
    }

    /// Shows a library article (analysed again from its stored text: the same offsets) with
    /// `span` revealed, its whole sentence marked.
    private func openFromLibrary(_ id: Int64, span: (start: Int, end: Int)?) {
        guard let stored = try? AppLibrary.shared?.article(id) else { return toast("That article is no longer in the library") }
        let task = DocumentLoader.analyse(stored.article, published: stored.published)
        loadGeneration += 1
        let generation = loadGeneration
        headerSpinner.isVisible = true
        headerSpinner.isSpinning = true
        Task { @MainActor [weak self] in
            let document = await task.value
            guard let self, generation == loadGeneration else { return }
            headerSpinner.isVisible = false
            headerSpinner.isSpinning = false
            libraryArticle = id
            display(document, path: stored.url ?? stored.title ?? "Library article \(id)")
            libraryArticle = nil
            viewStack.visibleChild = "article"
            if let span { articleView.reveal(start: span.start, end: span.end, wholeSentence: true) }
        }
    }

    static func message(for error: Error, path: String) -> String {
        (error as? LoadError)?.description ?? "\((path as NSString).lastPathComponent): \(error.localizedDescription)"
    }

    private func failed(path: String, error: Error) {
        let message = Self.message(for: error, path: path)
        if analysis == nil { updateRecent() }
        mainStack.visibleChild = analysis == nil ? "empty" : "document"
        setDocumentMode(analysis != nil)
        if error as? AnalysisStopped == .cancelled || error is CancellationError {
            toast("Stopped analysing \((path as NSString).lastPathComponent)")
        } else {
            toast("Could not open \(message)", timeout: 8)
        }
    }

    /// A toast; `text` is plain text (AdwToast titles are markup in libadwaita 1.2: escaped).
    /// With `button`, the button activates the window action `action` with a string target.
    func toast(_ text: String, timeout: UInt32 = 5, button: (label: String, action: String, target: String)? = nil) {
        toastOverlay.show(text, timeout: timeout, button: button)
    }

    // MARK: Publication date

    /// Re-runs the date-dependent part of the core's analysis with another publication date
    /// (`Analyzer.reanalyze`), off the main thread, then shows
    /// the new timeline and panel with the same actor selected and the same view.
    private func changePublished(_ published: String?) {
        guard let shown, let path = documentPath, !isLoading else { return }
        let selected = actorPanel.selectedActor
        let task = DocumentLoader.reanalyse(shown, published: published)
        loadGeneration += 1
        let generation = loadGeneration
        articleView.dateButton.isSensitive = false
        headerSpinner.isVisible = true
        headerSpinner.isSpinning = true
        Task { @MainActor [weak self] in
            let document = await task.value
            guard let self, generation == loadGeneration else { return }
            let updated = document.analysis
            headerSpinner.isVisible = false
            headerSpinner.isSpinning = false
            display(document, path: path)
            if let selected, updated.entity(id: selected) != nil || selected == ActorPanel.unattributedID {
                selectActor(selected)
            }
            let dated = updated.timeline.filter { $0.date != nil }.count
            let when = published.map { "Publication date set to \(DateText.readable($0))" } ?? "Publication date cleared"
            toast("\(when): \(Format.plural(dated, "dated event"))")
        }
    }

    // MARK: Export

    private func export(_ format: ExportFormat) {
        guard let analysis else { return }
        if let path = ProcessInfo.processInfo.environment[ExportMenu.testPathVariable], !path.isEmpty {
            write(analysis, to: URL(fileURLWithPath: path), as: format)
            return
        }
        ExportMenu.chooseDestination(parent: widget, analysis: analysis, format: format) { [unowned self] url in
            write(analysis, to: url, as: format)
        }
    }

    private func write(_ analysis: Analysis, to url: URL, as format: ExportFormat) {
        Task { @MainActor [weak self] in
            let result = await ExportMenu.write(analysis, to: url, as: format)
            guard let self else { return }
            switch result {
            case .success(let url):
                let uri = FileURI.of(path: url.path) ?? url.absoluteString
                toast(ExportMenu.message(for: result), button: ("_Open", "win.open-exported", uri))
            case .failure:
                toast(ExportMenu.message(for: result), timeout: 10)
            }
        }
    }

    // MARK: Actions, drop target, view wiring

    private func installActions() {
        let window = widget
        window.addAction("close") { window.close() }
        // Built on first use: a shortcuts window is dozens of widgets no first frame needs.
        window.addAction("show-help-overlay") {
            let shortcuts = ShortcutsWindow.make()
            shortcuts.setParent(window)
            shortcuts.present()
            unref(shortcuts)
        }
        window.addAction("find") { [unowned self] in
            guard analysis != nil || isLoading else { return }
            viewStack.visibleChild = "article"
            articleView.toggleSearch()
        }
        window.addAction("show-article") { [unowned self] in viewStack.visibleChild = "article" }
        window.addAction("show-timeline") { [unowned self] in viewStack.visibleChild = "timeline" }
        window.addAction("show-positions") { [unowned self] in viewStack.visibleChild = "positions" }
        window.addAction("open-location") { [unowned self] in chooseLocation() }
        // The analysis task is cancelled; its budget sees it and the core stops (AnalysisStopped).
        window.addAction("cancel-analysis") { [unowned self] in pending?.cancel() }
        window.addAction("export-menu") { [unowned self] in if analysis != nil { exportMenu.popup() } }
        window.addStringAction("export") { [unowned self] name in
            if let format = ExportFormat(rawValue: name) { export(format) }
        }
        window.addStringAction("open-exported") { uri in FileURI.show(uri, parent: window) }
    }

    private func installDropTarget() {
        let target = FileDropTarget { [unowned self] paths in
            guard let first = paths.first else { return false }
            open(path: first)
            for path in paths.dropFirst() {
                let window = app.newWindow()
                window.present()
                window.open(path: path)
            }
            return true
        }
        widget.addController(target)
    }

    private func connectViews() {
        articleView.onMentionActivated = { [unowned self] id in selectActor(id) }
        actorPanel.onActorSelected = { [unowned self] id in
            articleView.select(entity: id)
            if let id { articleView.scrollToFirstMention(of: id) }
        }
        actorPanel.onStatementActivated = { [unowned self] s in articleView.reveal(start: s.start, end: s.end) }
        articleView.dateButton.onChanged = { [unowned self] date in changePublished(date) }
        positionsView.onEvidenceActivated = { [unowned self] s in
            viewStack.visibleChild = "article"
            articleView.reveal(start: s.start, end: s.end, wholeSentence: true)
        }
        Signal.onPointer(viewStack, "notify::visible-child-name") { [unowned self] _ in
            pageShown(viewStack.visibleChild)
        }
        timelineView.onEventActivated = { [unowned self] item in
            viewStack.visibleChild = "article"
            articleView.reveal(start: item.start, end: item.end, wholeSentence: true)
        }
    }

    /// A page of the view stack came on screen: built or filled the first time; the library is
    /// read again at every show (opening it is no part of the first frame).
    private func pageShown(_ name: String) {
        let first = shownPages.insert(name).inserted
        switch name {
        case "timeline": if first, let analysis { timelineView.show(analysis) }
        case "positions": if first, let analysis { positionsView.show(analysis) }
        case "library":
            let view = libraryView ?? {
                let view = LibraryView()
                view.onOpen = { [unowned self] id, span in openFromLibrary(id, span: span) }
                libraryPage.append(view.widget.expand(h: true, v: true))
                libraryView = view
                return view
            }()
            view.reload()
        default: break
        }
    }

    private func selectActor(_ id: String?) {
        articleView.select(entity: id)
        actorPanel.select(entity: id)
    }
}

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
    let widget: Widget
    private unowned let app: ApplicationController
    private let toastOverlay: Widget
    private let mainStack: Widget
    private let viewStack: Widget
    private let switcherTitle: Widget
    private let switcherBar: Widget
    private let loadingLabel: Widget
    private let spinner: Widget
    private let headerSpinner: Widget
    /// Stops the analysis under way (win.cancel-analysis); shown only while one runs.
    private let cancelButton: Widget
    private let emptyContent: Widget
    private var recentBox: Widget?
    private let articleView = ArticleView()
    private let actorPanel = ActorPanel()
    private let timelineView = TimelineView()
    private let positionsView = PositionsView()
    private let libraryView = LibraryView()
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
    var isActive: Bool { gtk_window_is_active(cast(widget)) != 0 }

    init(app: ApplicationController) {
        self.app = app
        StartupTrace.mark("window: build")
        widget = adw_application_window_new(cast(app.app))!
        gtk_window_set_default_size(cast(widget), 1200, 780)
        Preferences.restoreSize(widget)
        gtk_window_set_title(cast(widget), "Dramatis")

        // Header bar.
        let header = adw_header_bar_new()!
        let open = UI.button(label: "_Open", tooltip: "Open an Article (Ctrl+O)", action: "app.open")
        adw_header_bar_pack_start(opaque(header), open)
        let menuButton = gtk_menu_button_new()!
        gtk_menu_button_set_icon_name(opaque(menuButton), "open-menu-symbolic")
        Callback.buildPopoverOnFirstOpen(menuButton) {
            gtk_menu_button_set_menu_model(opaque(menuButton), Self.primaryMenu())
        }
        gtk_menu_button_set_primary(opaque(menuButton), 1)
        menuButton.tooltip("Main Menu")
        menuButton.accessibleLabel("Main Menu")
        adw_header_bar_pack_end(opaque(header), menuButton)
        let find = UI.button(icon: "edit-find-symbolic", tooltip: "Search the Article (Ctrl+F)", action: "win.find")
        adw_header_bar_pack_end(opaque(header), find)
        adw_header_bar_pack_end(opaque(header), exportMenu.widget)
        headerSpinner = gtk_spinner_new()!
        headerSpinner.tooltip("Analysing the article…")
        headerSpinner.accessibleLabel("Analysing the article")
        headerSpinner.isVisible = false
        adw_header_bar_pack_start(opaque(header), headerSpinner)
        cancelButton = UI.button(label: "_Cancel", tooltip: "Stop Analysing the Article", action: "win.cancel-analysis")
        cancelButton.isVisible = false
        adw_header_bar_pack_start(opaque(header), cancelButton)

        viewStack = adw_view_stack_new()!
        // Sized by the page shown: measuring the hidden one too doubles every layout.
        adw_view_stack_set_hhomogeneous(opaque(viewStack), 0)
        adw_view_stack_set_vhomogeneous(opaque(viewStack), 0)
        switcherTitle = adw_view_switcher_title_new()!
        adw_view_switcher_title_set_stack(opaque(switcherTitle), opaque(viewStack))
        adw_view_switcher_title_set_title(opaque(switcherTitle), "Dramatis")
        adw_header_bar_set_title_widget(opaque(header), switcherTitle)
        switcherBar = adw_view_switcher_bar_new()!
        adw_view_switcher_bar_set_stack(opaque(switcherBar), opaque(viewStack))

        // Pages of the view stack.
        let paned = gtk_paned_new(GTK_ORIENTATION_HORIZONTAL)!
        gtk_paned_set_start_child(opaque(paned), articleView.widget)
        gtk_paned_set_end_child(opaque(paned), actorPanel.widget)
        gtk_paned_set_resize_end_child(opaque(paned), 0)
        gtk_paned_set_shrink_end_child(opaque(paned), 0)
        gtk_paned_set_shrink_start_child(opaque(paned), 0)
        gtk_paned_set_position(opaque(paned), 810)
        let articlePage = adw_view_stack_add_titled(opaque(viewStack), paned, "article", "Article")
        adw_view_stack_page_set_icon_name(articlePage, "text-x-generic-symbolic")
        let timelinePage = adw_view_stack_add_titled(opaque(viewStack), timelineView.widget, "timeline", "Timeline")
        adw_view_stack_page_set_icon_name(timelinePage, "x-office-calendar-symbolic")
        let positionsPage = adw_view_stack_add_titled(opaque(viewStack), positionsView.widget, "positions", "Positions")
        adw_view_stack_page_set_icon_name(positionsPage, "view-list-symbolic")
        let libraryPage = adw_view_stack_add_titled(opaque(viewStack), libraryView.widget, "library", "Library")
        adw_view_stack_page_set_icon_name(libraryPage, "system-file-manager-symbolic")

        // Main stack: empty state, progress, document.
        mainStack = UI.stack(crossfade: true)
        mainStack.expand(v: true)
        let empty = Self.emptyPage()
        emptyContent = empty.content
        gtk_stack_add_named(opaque(mainStack), empty.page, "empty")
        spinner = gtk_spinner_new()!
        gtk_widget_set_size_request(spinner, 32, 32)
        loadingLabel = UI.label("", "title-4", wrap: true, xalign: 0.5)
        let cancelLoading = UI.button(label: "_Cancel", action: "win.cancel-analysis", "pill").align(h: GTK_ALIGN_CENTER, v: GTK_ALIGN_CENTER)
        let loading = UI.vbox(spacing: 12, [spinner, loadingLabel, cancelLoading]).align(h: GTK_ALIGN_CENTER, v: GTK_ALIGN_CENTER)
        gtk_stack_add_named(opaque(mainStack), loading, "loading")
        gtk_stack_add_named(opaque(mainStack), UI.vbox(spacing: 0, [viewStack.expand(v: true), switcherBar]), "document")

        let content = UI.vbox(spacing: 0, [header, mainStack])
        toastOverlay = adw_toast_overlay_new()!
        adw_toast_overlay_set_child(opaque(toastOverlay), content)
        adw_application_window_set_content(cast(widget), toastOverlay)

        Signal.onPointer(switcherTitle, "notify::title-visible") { [unowned self] _ in updateSwitcherBar() }
        installActions()
        installDropTarget()
        connectViews()
        setDocumentMode(false)
        updateStyleDescription()
        Signal.onBool(widget, "close-request") { [unowned self] in Preferences.saveSize(widget); return false }
        Signal.on(widget, "destroy") { [unowned self] in app.windowClosed(self) }
        StartupTrace.mark("window: built")
        StartupTrace.traceFrames(of: widget)
    }

    func present() {
        // The recent list is read only when the empty state is what the window shows.
        if !isPresented, isEmpty, !isLoading { updateRecent() }
        isPresented = true
        gtk_window_present(cast(widget))
    }

    // MARK: Pages

    private static func emptyPage() -> (page: Widget, content: Widget) {
        let page = adw_status_page_new()!
        adw_status_page_set_icon_name(opaque(page), DramatisApplication.id)
        adw_status_page_set_title(opaque(page), "Open an Article")
        adw_status_page_set_description(opaque(page),
            "See who is in a news article, what each of them said, and when things happened. Drop a text, Markdown or HTML file here, or open one.")
        let open = UI.button(label: "_Open Article…", action: "app.open", "pill", "suggested-action")
        let sample = UI.button(label: "Open _Sample Article", action: "app.open-sample", "pill")
        let buttons = UI.vbox(spacing: 12, [open, sample]).align(h: GTK_ALIGN_CENTER)
        let content = UI.vbox(spacing: 24, [buttons])
        adw_status_page_set_child(opaque(page), content)
        return (page, content)
    }

    /// Recently opened articles under the buttons of the empty state (refreshed when it shows).
    private func updateRecent() {
        if let recentBox { gtk_box_remove(cast(emptyContent), recentBox); self.recentBox = nil }
        let items = RecentArticles.items()
        guard !items.isEmpty else { return }
        let list = UI.listBox("boxed-list")
        gtk_list_box_set_selection_mode(opaque(list), GTK_SELECTION_NONE)
        list.accessibleLabel("Recent articles")
        var paths: [UnsafeMutableRawPointer: String] = [:]
        for item in items {
            let row = adw_action_row_new()!
            adw_preferences_row_set_use_markup(cast(row), 0) // file names are not markup
            adw_preferences_row_set_title(cast(row), item.name)
            adw_action_row_set_subtitle(cast(row), item.folder)
            gtk_list_box_row_set_activatable(cast(row), 1)
            adw_action_row_add_suffix(cast(row), UI.image("go-next-symbolic"))
            gtk_list_box_append(opaque(list), row)
            paths[UnsafeMutableRawPointer(row)] = item.path
        }
        Signal.onPointer(list, "row-activated") { [unowned self] row in
            if let row, let path = paths[row] { open(path: path) }
        }
        let box = UI.vbox(spacing: 8, [UI.label("Recent", "heading"), list])
        gtk_widget_set_size_request(box, 360, -1)
        box.align(h: GTK_ALIGN_CENTER)
        UI.append(emptyContent, box)
        recentBox = box
    }

    private static func primaryMenu() -> UnsafeMutablePointer<GMenuModel> {
        let menu = g_menu_new()!
        let files = g_menu_new()!
        g_menu_append(files, "_New Window", "app.new-window")
        g_menu_append(files, "Open _Location…", "win.open-location")
        g_menu_append(files, "Open _Sample Article", "app.open-sample")
        g_menu_append_section(menu, nil, cast(files))
        let style = g_menu_new()!
        g_menu_append(style, "Follow System Style", "app.color-scheme::default")
        g_menu_append(style, "Light Style", "app.color-scheme::light")
        g_menu_append(style, "Dark Style", "app.color-scheme::dark")
        g_menu_append_section(menu, nil, cast(style))
        unref(style)
        let help = g_menu_new()!
        g_menu_append(help, "_Preferences", "app.preferences")
        g_menu_append(help, "_Keyboard Shortcuts", "win.show-help-overlay")
        g_menu_append(help, "_About Dramatis", "app.about")
        g_menu_append_section(menu, nil, cast(help))
        unref(files); unref(help)
        return cast(menu)
    }

    /// The bottom switcher bar shows when the header has no room for the switcher (narrow
    /// windows), and only while there are views to switch.
    private func updateSwitcherBar() {
        let narrow = adw_view_switcher_title_get_title_visible(opaque(switcherTitle)) != 0
        let enabled = adw_view_switcher_title_get_view_switcher_enabled(opaque(switcherTitle)) != 0
        adw_view_switcher_bar_set_reveal(opaque(switcherBar), narrow && enabled ? 1 : 0)
    }

    private func setDocumentMode(_ on: Bool) {
        adw_view_switcher_title_set_view_switcher_enabled(opaque(switcherTitle), on ? 1 : 0)
        updateSwitcherBar()
        for name in ["find", "show-article", "show-timeline", "show-positions", "export", "export-menu"] { setAction(name, enabled: on) }
        exportMenu.isSensitive = on
    }

    /// The style manager's state in the window's accessible description ("Dark style" or "Light
    /// style"), for screen readers and the GUI test.
    func updateStyleDescription() {
        let dark = adw_style_manager_get_dark(adw_style_manager_get_default()) != 0
        widget.accessibleDescription(dark ? "Dark style" : "Light style")
    }

    /// After the highlighted types changed in Preferences.
    func refreshHighlights() { articleView.applyHighlights() }
    func refreshPositions() { positionsView.refresh(); actorPanel.refreshPositions() }

    private func setAction(_ name: String, enabled: Bool) {
        if let action = g_action_map_lookup_action(opaque(widget), name) {
            g_simple_action_set_enabled(opaque(action), enabled ? 1 : 0)
        }
    }

    // MARK: Opening

    func chooseFile() {
        let chooser = gtk_file_chooser_native_new("Open Article", cast(widget), GTK_FILE_CHOOSER_ACTION_OPEN, "_Open", "_Cancel")!
        let filters: [(String, [String], [String])] = [
            ("Articles", ["text/plain", "text/markdown", "text/html", "application/xhtml+xml", "application/json"], ["*.txt", "*.md", "*.markdown", "*.html", "*.htm", "*.json"]),
            ("All Files", [], ["*"]),
        ]
        for (name, mimes, patterns) in filters {
            let filter = gtk_file_filter_new()!
            gtk_file_filter_set_name(filter, name)
            for m in mimes { gtk_file_filter_add_mime_type(filter, m) }
            for p in patterns { gtk_file_filter_add_pattern(filter, p) }
            gtk_file_chooser_add_filter(opaque(chooser), filter)
            unref(filter)
        }
        gtk_native_dialog_set_modal(cast(chooser), 1)
        if let folder = Preferences.lastFolder, let file = g_file_new_for_path(folder) {
            gtk_file_chooser_set_current_folder(opaque(chooser), file, nil)
            unref(file)
        }
        Signal.onInt(chooser, "response") { [unowned self] response in
            if response == GTK_RESPONSE_ACCEPT.rawValue,
               let file = gtk_file_chooser_get_file(opaque(chooser)) {
                if let path = takeString(g_file_get_path(file)) {
                    Preferences.lastFolder = (path as NSString).deletingLastPathComponent
                    open(path: path)
                }
                unref(file)
            }
            gtk_native_dialog_destroy(cast(chooser))
            unref(chooser)
        }
        gtk_native_dialog_show(cast(chooser))
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
        UI.setText(loadingLabel, label)
        gtk_spinner_start(opaque(spinner))
        gtk_stack_set_visible_child_name(opaque(mainStack), "loading")
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
            gtk_spinner_stop(opaque(spinner))
            headerSpinner.isVisible = false
            gtk_spinner_stop(opaque(headerSpinner))
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
        adw_view_stack_set_visible_child_name(opaque(viewStack), "article")
        gtk_stack_set_visible_child_name(opaque(mainStack), "document")
        setDocumentMode(false)
        setAction("find", enabled: true)
        headerSpinner.isVisible = true
        gtk_spinner_start(opaque(headerSpinner))
    }

    private func setTitles(_ article: Article, path: String) {
        let name = (path as NSString).lastPathComponent
        let title = article.title ?? name
        adw_view_switcher_title_set_title(opaque(switcherTitle), title)
        adw_view_switcher_title_set_subtitle(opaque(switcherTitle), name)
        gtk_window_set_title(cast(widget), "\(title) — Dramatis")
    }

    private func display(_ document: AnalysedDocument, path: String) {
        let analysis = document.analysis
        let textShown = articleView.isShowing(analysis.article.text)
        documentPath = path
        shown = document
        self.analysis = analysis
        articleView.show(analysis)
        actorPanel.show(analysis)
        timelineView.show(analysis)
        positionsView.show(analysis)
        // The panel opens on its first actor: the article marks that actor's mentions.
        articleView.select(entity: actorPanel.selectedActor)
        setTitles(analysis.article, path: path)
        if !textShown { adw_view_stack_set_visible_child_name(opaque(viewStack), "article") }
        gtk_stack_set_visible_child_name(opaque(mainStack), "document")
        setDocumentMode(true)
        if let uri = takeString(g_filename_to_uri(path, nil, nil)) {
            gtk_recent_manager_add_item(gtk_recent_manager_get_default(), uri)
        }
        StartupTrace.mark("analysis shown")
        if Preferences.libraryAddsOpened, libraryArticle == nil {
            AppLibrary.add(analysis) { [weak self] error in
                self?.toast("Not added to the library: \(error.localizedDescription)", timeout: 8)
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
        gtk_spinner_start(opaque(headerSpinner))
        Task { @MainActor [weak self] in
            let document = await task.value
            guard let self, generation == loadGeneration else { return }
            headerSpinner.isVisible = false
            gtk_spinner_stop(opaque(headerSpinner))
            libraryArticle = id
            display(document, path: stored.url ?? stored.title ?? "Library article \(id)")
            libraryArticle = nil
            adw_view_stack_set_visible_child_name(opaque(viewStack), "article")
            if let span { articleView.reveal(start: span.start, end: span.end, wholeSentence: true) }
        }
    }

    static func message(for error: Error, path: String) -> String {
        (error as? LoadError)?.description ?? "\((path as NSString).lastPathComponent): \(error.localizedDescription)"
    }

    private func failed(path: String, error: Error) {
        let message = Self.message(for: error, path: path)
        if analysis == nil { updateRecent() }
        gtk_stack_set_visible_child_name(opaque(mainStack), analysis == nil ? "empty" : "document")
        setDocumentMode(analysis != nil)
        if error as? AnalysisStopped == .cancelled || error is CancellationError {
            toast("Stopped analysing \((path as NSString).lastPathComponent)")
        } else {
            toast("Could not open \(message)", timeout: 8)
        }
    }

    /// A toast; `text` is plain text (escaped here, AdwToast titles are markup in libadwaita 1.2).
    /// With `button`, the button activates the window action `action` with a string target.
    func toast(_ text: String, timeout: UInt32 = 5, button: (label: String, action: String, target: String)? = nil) {
        let toast = adw_toast_new(markupEscaped(text))!
        adw_toast_set_timeout(toast, timeout)
        if let button {
            adw_toast_set_button_label(toast, button.label)
            adw_toast_set_action_name(toast, button.action)
            adw_toast_set_action_target_value(toast, g_variant_new_string(button.target))
        }
        adw_toast_overlay_add_toast(opaque(toastOverlay), toast)
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
        gtk_spinner_start(opaque(headerSpinner))
        Task { @MainActor [weak self] in
            let document = await task.value
            guard let self, generation == loadGeneration else { return }
            let updated = document.analysis
            headerSpinner.isVisible = false
            gtk_spinner_stop(opaque(headerSpinner))
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
                let uri = takeString(g_filename_to_uri(url.path, nil, nil)) ?? url.absoluteString
                toast(ExportMenu.message(for: result), button: ("_Open", "win.open-exported", uri))
            case .failure:
                toast(ExportMenu.message(for: result), timeout: 10)
            }
        }
    }

    // MARK: Actions, drop target, view wiring

    private func installActions() {
        addAction("close") { [unowned self] in gtk_window_close(cast(widget)) }
        // Built on first use: a shortcuts window is dozens of widgets no first frame needs.
        addAction("show-help-overlay") { [unowned self] in
            let shortcuts = ShortcutsWindow.make()
            gtk_window_set_transient_for(cast(shortcuts), cast(widget))
            gtk_window_present(cast(shortcuts))
            unref(shortcuts)
        }
        addAction("find") { [unowned self] in
            guard analysis != nil || isLoading else { return }
            adw_view_stack_set_visible_child_name(opaque(viewStack), "article")
            articleView.toggleSearch()
        }
        addAction("show-article") { [unowned self] in adw_view_stack_set_visible_child_name(opaque(viewStack), "article") }
        addAction("show-timeline") { [unowned self] in adw_view_stack_set_visible_child_name(opaque(viewStack), "timeline") }
        addAction("show-positions") { [unowned self] in adw_view_stack_set_visible_child_name(opaque(viewStack), "positions") }
        addAction("open-location") { [unowned self] in chooseLocation() }
        // The analysis task is cancelled; its budget sees it and the core stops (AnalysisStopped).
        addAction("cancel-analysis") { [unowned self] in pending?.cancel() }
        addAction("export-menu") { [unowned self] in if analysis != nil { exportMenu.popup() } }
        addStringAction("export") { [unowned self] name in
            if let format = ExportFormat(rawValue: name) { export(format) }
        }
        addStringAction("open-exported") { [unowned self] uri in
            gtk_show_uri(cast(widget), uri, 0) // GDK_CURRENT_TIME
        }
    }

    /// An action with a string parameter (`win.export::pdf`, toast buttons).
    private func addStringAction(_ name: String, _ handler: @escaping @MainActor (String) -> Void) {
        let type = g_variant_type_new("s")
        let action = g_simple_action_new(name, type)!
        g_variant_type_free(type)
        Signal.onPointer(action, "activate") { parameter in
            guard let parameter else { return }
            handler(String(cString: g_variant_get_string(OpaquePointer(parameter), nil)))
        }
        g_action_map_add_action(opaque(widget), opaque(action))
        unref(action)
    }

    private func addAction(_ name: String, _ handler: @escaping @MainActor () -> Void) {
        let action = g_simple_action_new(name, nil)!
        Signal.onPointer(action, "activate") { _ in handler() }
        g_action_map_add_action(opaque(widget), opaque(action))
        unref(action)
    }

    private func installDropTarget() {
        let target = gtk_drop_target_new(dr_type_file_list(), GDK_ACTION_COPY)!
        Signal.onDrop(target) { [unowned self] value, _, _ in
            guard let value, let boxed = g_value_get_boxed(value) else { return false }
            var paths: [String] = []
            var node: UnsafeMutablePointer<GSList>? = boxed.assumingMemoryBound(to: GSList.self)
            while let n = node {
                if let file = n.pointee.data, let path = takeString(g_file_get_path(OpaquePointer(file))) { paths.append(path) }
                node = n.pointee.next
            }
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
            adw_view_stack_set_visible_child_name(opaque(viewStack), "article")
            articleView.reveal(start: s.start, end: s.end, wholeSentence: true)
        }
        libraryView.onOpen = { [unowned self] id, span in openFromLibrary(id, span: span) }
        // Read when first shown: opening the library is no part of the first frame.
        Signal.onPointer(viewStack, "notify::visible-child-name") { [unowned self] _ in
            if let name = adw_view_stack_get_visible_child_name(opaque(viewStack)), String(cString: name) == "library" { libraryView.reload() }
        }
        timelineView.onEventActivated = { [unowned self] item in
            adw_view_stack_set_visible_child_name(opaque(viewStack), "article")
            articleView.reveal(start: item.start, end: item.end, wholeSentence: true)
        }
    }

    private func selectActor(_ id: String?) {
        articleView.select(entity: id)
        actorPanel.select(entity: id)
    }
}

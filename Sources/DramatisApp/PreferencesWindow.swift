import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The Preferences window (app.preferences, Ctrl+,): article font, style, highlighted entity
/// types. Every control writes its GSettings key at once (bound with `g_settings_bind` where the
/// widget property is the key's value; `Preferences`); the application applies the change to
/// every open window. libadwaita 1.2 widgets only (AdwActionRow + GtkSwitch, no
/// AdwSwitchRow).
@MainActor
enum PreferencesWindow {
    private static var open: PreferencesDialog?

    static func present(parent: (any WindowHandle)?) {
        if let open {
            open.present()
            return
        }
        let window = PreferencesDialog(title: "Preferences", width: 560, height: 640)
        if let parent {
            // The application makes `app.color-scheme` reachable from the style check buttons.
            window.setApplication(of: parent)
            window.setParent(parent, modal: true, destroyWithParent: true)
        }
        let page = PreferencesPage(title: "General", icon: "preferences-system-symbolic")
        page.add(appearanceGroup())
        page.add(styleGroup())
        page.add(highlightGroup())
        page.add(positionsGroup())
        window.add(page)
        open = window
        Signal.on(window, "destroy") { open = nil }
        window.present()
    }

    /// Closes the window (on quit, before the application's windows go).
    static func close() {
        guard let open else { return }
        // Detached first: it may be finalized after its parent (when Ctrl+Q came from it).
        open.setParent(nil)
        open.destroy()
    }

    // MARK: Groups

    private static func appearanceGroup() -> PreferencesGroup {
        let g = PreferencesGroup(title: "Article")
        let fontRow = ActionRow(title: "Article font", subtitle: "Font and size of the article text")
        let button = FontButton(font: Preferences.articleFont)
        button.align(v: GTK_ALIGN_CENTER).accessibleLabel("Article font")
        // GtkFontChooser:font is the key's Pango description.
        if !Preferences.bind("article-font", to: button, property: "font") {
            Signal.on(button, "font-set") { if let font = button.font { Preferences.articleFont = font } }
        }
        fontRow.addSuffix(button, activates: true)
        g.add(fontRow)
        return g
    }

    /// Three radio rows bound to the stateful `app.color-scheme` action, so they, the primary
    /// menu and the setting always agree.
    private static func styleGroup() -> PreferencesGroup {
        let g = PreferencesGroup(title: "Style")
        var first: CheckButton?
        for (scheme, title, subtitle) in [("default", "Follow System", "Light or dark as the desktop is set"),
                                          ("light", "Light", nil), ("dark", "Dark", nil)] {
            let r = ActionRow(title: title, subtitle: subtitle)
            let check = CheckButton(action: "app.color-scheme::\(scheme)", group: first)
            if first == nil { first = check }
            check.align(v: GTK_ALIGN_CENTER).accessibleLabel("\(title) style")
            r.addPrefix(check)
            r.setActivatableWidget(check)
            g.add(r)
        }
        return g
    }

    /// The confidence below which positions are hidden (a spin button: no AdwSpinRow in 1.2).
    private static func positionsGroup() -> PreferencesGroup {
        let g = PreferencesGroup(title: "Positions", description: "Each position carries a confidence: how likely a careful reader would list it")
        let r = ActionRow(title: "Minimum confidence", subtitle: "Positions below it are hidden; 0 shows all the analysis keeps")
        let spin = SpinButton(range: 0...1, step: 0.05, digits: 2)
        spin.value = Preferences.positionsMinimumConfidence
        spin.align(v: GTK_ALIGN_CENTER).accessibleLabel("Minimum confidence of a shown position")
        // GtkSpinButton:value is the key's double (the schema's range is the button's, 0–1).
        if !Preferences.bind("positions-minimum-confidence", to: spin, property: "value") {
            Signal.on(spin, "value-changed") { Preferences.positionsMinimumConfidence = spin.value }
        }
        r.addSuffix(spin, activates: true)
        g.add(r)
        return g
    }

    /// One switch per entity type. (Not bound: each switch is one member of the `highlight-types`
    /// list, not a key of its own.)
    private static func highlightGroup() -> PreferencesGroup {
        let g = PreferencesGroup(title: "Highlights", description: "Mentions of these kinds of actor are coloured in the article text")
        let types = Preferences.highlightedTypes
        for type in EntityType.allCases {
            let r = ActionRow(title: type.displayName)
            // A colour swatch (an empty box: nothing for screen readers to read out).
            let chip = UI.hbox().css("entity-chip", type.rawValue).align(v: GTK_ALIGN_CENTER).size(width: 18, height: 14)
            r.addPrefix(chip)
            let toggle = Switch()
            toggle.isOn = types.contains(type)
            toggle.align(v: GTK_ALIGN_CENTER).accessibleLabel("Highlight \(type.displayName.lowercased()) mentions")
            Signal.onPointer(toggle, "notify::active") { _ in
                var set = Preferences.highlightedTypes
                if toggle.isOn { set.insert(type) } else { set.remove(type) }
                Preferences.highlightedTypes = set
            }
            r.addSuffix(toggle, activates: true)
            g.add(r)
        }
        return g
    }
}

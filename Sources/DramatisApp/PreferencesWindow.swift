import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// The Preferences window (app.preferences, Ctrl+,): article font, style, highlighted entity
/// types. Every control writes its GSettings key at once (`Preferences`); the application applies
/// the change to every open window. libadwaita 1.2 widgets only (AdwActionRow + GtkSwitch, no
/// AdwSwitchRow).
@MainActor
enum PreferencesWindow {
    private static var open: Widget?

    static func present(parent: Widget?) {
        if let open {
            gtk_window_present(cast(open))
            return
        }
        let window = adw_preferences_window_new()!
        gtk_window_set_title(cast(window), "Preferences")
        gtk_window_set_default_size(cast(window), 560, 640)
        adw_preferences_window_set_search_enabled(cast(window), 0)
        if let parent {
            // The application makes `app.color-scheme` reachable from the style check buttons.
            gtk_window_set_application(cast(window), gtk_window_get_application(cast(parent)))
            gtk_window_set_transient_for(cast(window), cast(parent))
            gtk_window_set_modal(cast(window), 1)
            gtk_window_set_destroy_with_parent(cast(window), 1)
        }
        let page = adw_preferences_page_new()!
        adw_preferences_page_set_title(cast(page), "General")
        adw_preferences_page_set_icon_name(cast(page), "preferences-system-symbolic")
        adw_preferences_page_add(cast(page), cast(appearanceGroup()))
        adw_preferences_page_add(cast(page), cast(styleGroup()))
        adw_preferences_page_add(cast(page), cast(highlightGroup()))
        adw_preferences_page_add(cast(page), cast(positionsGroup()))
        adw_preferences_window_add(cast(window), cast(page))
        open = window
        Signal.on(window, "destroy") { open = nil }
        gtk_window_present(cast(window))
    }

    /// Closes the window (on quit, before the application's windows go).
    static func close() {
        guard let open else { return }
        // Detached first: it may be finalized after its parent (when Ctrl+Q came from it).
        gtk_window_set_transient_for(cast(open), nil)
        gtk_window_destroy(cast(open))
    }

    // MARK: Groups

    private static func group(_ title: String, _ description: String? = nil) -> Widget {
        let g = adw_preferences_group_new()!
        adw_preferences_group_set_title(cast(g), title)
        if let description { adw_preferences_group_set_description(cast(g), description) }
        return g
    }

    /// An action row with plain-text title and subtitle (rows take markup by default in 1.2).
    private static func row(_ title: String, subtitle: String? = nil) -> Widget {
        let row = adw_action_row_new()!
        adw_preferences_row_set_use_markup(cast(row), 0)
        adw_preferences_row_set_title(cast(row), title)
        if let subtitle { adw_action_row_set_subtitle(cast(row), subtitle) }
        return row
    }

    private static func appearanceGroup() -> Widget {
        let g = group("Article")
        let fontRow = row("Article font", subtitle: "Font and size of the article text")
        let button = gtk_font_button_new_with_font(Preferences.articleFont)!
        gtk_font_chooser_set_level(opaque(button), GtkFontChooserLevel(rawValue: GTK_FONT_CHOOSER_LEVEL_FAMILY.rawValue | GTK_FONT_CHOOSER_LEVEL_SIZE.rawValue))
        gtk_font_button_set_use_font(opaque(button), 1)
        gtk_font_button_set_modal(opaque(button), 1)
        button.align(v: GTK_ALIGN_CENTER).accessibleLabel("Article font")
        Signal.on(button, "font-set") {
            if let font = takeString(gtk_font_chooser_get_font(opaque(button))) { Preferences.articleFont = font }
        }
        adw_action_row_add_suffix(cast(fontRow), button)
        adw_action_row_set_activatable_widget(cast(fontRow), button)
        adw_preferences_group_add(cast(g), fontRow)
        return g
    }

    /// Three radio rows bound to the stateful `app.color-scheme` action, so they, the primary
    /// menu and the setting always agree.
    private static func styleGroup() -> Widget {
        let g = group("Style")
        var first: Widget?
        for (scheme, title, subtitle) in [("default", "Follow System", "Light or dark as the desktop is set"),
                                          ("light", "Light", nil), ("dark", "Dark", nil)] {
            let r = row(title, subtitle: subtitle)
            let check = gtk_check_button_new()!
            if let first { gtk_check_button_set_group(cast(check), cast(first)) } else { first = check }
            gtk_actionable_set_detailed_action_name(opaque(check), "app.color-scheme::\(scheme)")
            check.align(v: GTK_ALIGN_CENTER).accessibleLabel("\(title) style")
            adw_action_row_add_prefix(cast(r), check)
            adw_action_row_set_activatable_widget(cast(r), check)
            adw_preferences_group_add(cast(g), r)
        }
        return g
    }

    /// The confidence below which positions are hidden (a spin button: no AdwSpinRow in 1.2).
    private static func positionsGroup() -> Widget {
        let g = group("Positions", "Each position carries a confidence: how likely a careful reader would list it")
        let r = row("Minimum confidence", subtitle: "Positions below it are hidden; 0 shows all the analysis keeps")
        let spin = gtk_spin_button_new_with_range(0, 1, 0.05)!
        gtk_spin_button_set_digits(opaque(spin), 2)
        gtk_spin_button_set_value(opaque(spin), Preferences.positionsMinimumConfidence)
        spin.align(v: GTK_ALIGN_CENTER).accessibleLabel("Minimum confidence of a shown position")
        Signal.on(spin, "value-changed") { Preferences.positionsMinimumConfidence = gtk_spin_button_get_value(opaque(spin)) }
        adw_action_row_add_suffix(cast(r), spin)
        adw_action_row_set_activatable_widget(cast(r), spin)
        adw_preferences_group_add(cast(g), r)
        return g
    }

    /// One switch per entity type.
    private static func highlightGroup() -> Widget {
        let g = group("Highlights", "Mentions of these kinds of actor are coloured in the article text")
        let types = Preferences.highlightedTypes
        for type in EntityType.allCases {
            let r = row(type.displayName)
            // A colour swatch (an empty box: nothing for screen readers to read out).
            let chip = UI.hbox().css("entity-chip", type.rawValue).align(v: GTK_ALIGN_CENTER)
            gtk_widget_set_size_request(chip, 18, 14)
            adw_action_row_add_prefix(cast(r), chip)
            let toggle = gtk_switch_new()!
            gtk_switch_set_active(opaque(toggle), types.contains(type) ? 1 : 0)
            toggle.align(v: GTK_ALIGN_CENTER).accessibleLabel("Highlight \(type.displayName.lowercased()) mentions")
            Signal.onPointer(toggle, "notify::active") { _ in
                var set = Preferences.highlightedTypes
                if gtk_switch_get_active(opaque(toggle)) != 0 { set.insert(type) } else { set.remove(type) }
                Preferences.highlightedTypes = set
            }
            adw_action_row_add_suffix(cast(r), toggle)
            adw_action_row_set_activatable_widget(cast(r), toggle)
            adw_preferences_group_add(cast(g), r)
        }
        return g
    }
}

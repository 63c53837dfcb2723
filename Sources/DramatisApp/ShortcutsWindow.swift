import CGtk
import CGtkShim
import Foundation

/// The Keyboard Shortcuts window (win.show-help-overlay), from a GtkBuilder description.
@MainActor
enum ShortcutsWindow {
    /// A new reference to the window: the caller presents it, then drops the reference.
    static func make() -> Window { Window(builderObject: "help_overlay", from: ui) }

    private static func shortcut(_ accel: String, _ title: String) -> String {
        """
        <child><object class="GtkShortcutsShortcut">
          <property name="accelerator">\(accel)</property>
          <property name="title" translatable="yes">\(title)</property>
        </object></child>
        """
    }

    static let ui = """
        <?xml version="1.0" encoding="UTF-8"?>
        <interface>
          <object class="GtkShortcutsWindow" id="help_overlay">
            <property name="modal">1</property>
            <child><object class="GtkShortcutsSection">
              <property name="section-name">shortcuts</property>
              <child><object class="GtkShortcutsGroup">
                <property name="title" translatable="yes">General</property>
                \(shortcut("&lt;Control&gt;o", "Open an article"))
                \(shortcut("&lt;Control&gt;l", "Open a web article by its address"))
                \(shortcut("&lt;Control&gt;e", "Export the analysis"))
                \(shortcut("&lt;Control&gt;n", "New window"))
                \(shortcut("&lt;Control&gt;w", "Close the window"))
                \(shortcut("&lt;Control&gt;q", "Quit"))
                \(shortcut("&lt;Control&gt;comma", "Preferences"))
                \(shortcut("&lt;Control&gt;question", "Keyboard shortcuts"))
              </object></child>
              <child><object class="GtkShortcutsGroup">
                <property name="title" translatable="yes">Article</property>
                \(shortcut("&lt;Control&gt;f", "Search the article"))
                \(shortcut("&lt;Control&gt;g", "Next match"))
                \(shortcut("&lt;Shift&gt;&lt;Control&gt;g", "Previous match"))
                \(shortcut("Escape", "Close the search"))
              </object></child>
              <child><object class="GtkShortcutsGroup">
                <property name="title" translatable="yes">Views</property>
                \(shortcut("&lt;Alt&gt;1", "Show the article"))
                \(shortcut("&lt;Alt&gt;2", "Show the timeline"))
                \(shortcut("&lt;Alt&gt;3", "Show the positions"))
              </object></child>
            </object></child>
          </object>
        </interface>
        """
}

import CGtk
import CGtkShim

// The read-only article text: GtkTextView, its buffer and tags. Offsets count Unicode scalars, as
// the analysis's offsets do.

struct TextView: WidgetHandle {
    let widget: Widget
    private var view: UnsafeMutablePointer<GtkTextView> { cast(widget) }

    /// A read-only, word-wrapped text view with the given margins and line spacing.
    init(margins: (left: Int32, right: Int32, top: Int32, bottom: Int32), pixelsInsideWrap: Int32, pixelsBelowLines: Int32) {
        widget = gtk_text_view_new()!
        let view: UnsafeMutablePointer<GtkTextView> = cast(widget)
        gtk_text_view_set_editable(view, 0)
        gtk_text_view_set_cursor_visible(view, 0)
        gtk_text_view_set_wrap_mode(view, GTK_WRAP_WORD_CHAR)
        gtk_text_view_set_left_margin(view, margins.left)
        gtk_text_view_set_right_margin(view, margins.right)
        gtk_text_view_set_top_margin(view, margins.top)
        gtk_text_view_set_bottom_margin(view, margins.bottom)
        gtk_text_view_set_pixels_inside_wrap(view, pixelsInsideWrap)
        gtk_text_view_set_pixels_below_lines(view, pixelsBelowLines)
    }
    init(_ widget: Widget) { self.widget = widget }

    var buffer: TextBuffer { TextBuffer(gtk_text_view_get_buffer(view)) }
    var isCursorVisible: Bool {
        get { gtk_text_view_get_cursor_visible(view) != 0 }
        nonmutating set { gtk_text_view_set_cursor_visible(view, newValue ? 1 : 0) }
    }
    /// Scrolls so the insertion point is in view, `within` a margin (a fraction of the view);
    /// with `yAlign`, placed at that height (0 top, 1 bottom).
    func scrollToCursor(within margin: Double, yAlign: Double? = nil) {
        gtk_text_view_scroll_to_mark(view, gtk_text_buffer_get_insert(buffer.buffer), margin, yAlign == nil ? 0 : 1, 0, yAlign ?? 0)
    }
    /// Scrolls the least possible to show the character at `offset`.
    func scroll(toOffset offset: Int32, within margin: Double) {
        var iter = buffer.iter(at: offset)
        let mark = gtk_text_buffer_create_mark(buffer.buffer, nil, &iter, 1)
        gtk_text_view_scroll_to_mark(view, mark, margin, 0, 0, 0)
        gtk_text_buffer_delete_mark(buffer.buffer, mark)
    }
    /// The character under a point in widget coordinates, nil past the end of a line (blank space).
    func offset(atX x: Double, y: Double) -> Int? {
        var bx: Int32 = 0, by: Int32 = 0
        gtk_text_view_window_to_buffer_coords(view, GTK_TEXT_WINDOW_WIDGET, Int32(x), Int32(y), &bx, &by)
        var iter = GtkTextIter()
        guard gtk_text_view_get_iter_at_location(view, &iter, bx, by) != 0 else { return nil }
        // Past the end of a line GTK returns the line end: that is blank space, not a character.
        if gtk_text_iter_ends_line(&iter) != 0 { return nil }
        var rect = GdkRectangle()
        gtk_text_view_get_iter_location(view, &iter, &rect)
        guard bx <= rect.x + rect.width + 2 else { return nil }
        return Int(gtk_text_iter_get_offset(&iter))
    }
}

struct TextBuffer {
    let buffer: UnsafeMutablePointer<GtkTextBuffer>
    init(_ buffer: UnsafeMutablePointer<GtkTextBuffer>) { self.buffer = buffer }

    /// Replaces the text (plain text, never markup) and puts the cursor at the start.
    func setText(_ text: String) {
        gtk_text_buffer_set_text(buffer, text, -1)
        var start = GtkTextIter()
        gtk_text_buffer_get_start_iter(buffer, &start)
        gtk_text_buffer_place_cursor(buffer, &start)
    }
    var characterCount: Int32 { gtk_text_buffer_get_char_count(buffer) }
    func iter(at offset: Int32) -> GtkTextIter {
        var iter = GtkTextIter()
        gtk_text_buffer_get_iter_at_offset(buffer, &iter, offset)
        return iter
    }
    /// The offset of the insertion point.
    var cursorOffset: Int32 {
        var iter = GtkTextIter()
        gtk_text_buffer_get_iter_at_mark(buffer, &iter, gtk_text_buffer_get_insert(buffer))
        return gtk_text_iter_get_offset(&iter)
    }
    func placeCursor(at offset: Int32) {
        var iter = iter(at: offset)
        gtk_text_buffer_place_cursor(buffer, &iter)
    }

    func apply(_ tag: TextTag, from start: Int32, to end: Int32) {
        var s = iter(at: start), e = iter(at: end)
        gtk_text_buffer_apply_tag(buffer, tag.tag, &s, &e)
    }
    func remove(_ tag: TextTag, from start: Int32, to end: Int32) {
        var s = iter(at: start), e = iter(at: end)
        gtk_text_buffer_remove_tag(buffer, tag.tag, &s, &e)
    }
    /// Removes the tag from the whole text.
    func removeEverywhere(_ tag: TextTag) {
        var s = GtkTextIter(), e = GtkTextIter()
        gtk_text_buffer_get_bounds(buffer, &s, &e)
        gtk_text_buffer_remove_tag(buffer, tag.tag, &s, &e)
    }
    /// The span widened to the sentence(s) around it, as GTK's (Pango's) sentence breaks see them.
    func sentence(around start: Int32, _ end: Int32) -> (start: Int32, end: Int32) {
        var s = iter(at: start), e = iter(at: end)
        if gtk_text_iter_starts_sentence(&s) == 0 { gtk_text_iter_backward_sentence_start(&s) }
        if gtk_text_iter_ends_sentence(&e) == 0 { gtk_text_iter_forward_sentence_end(&e) }
        return (gtk_text_iter_get_offset(&s), gtk_text_iter_get_offset(&e))
    }
    /// The first `limit` occurrences of `query`, as offsets, from the start.
    func find(_ query: String, flags: GtkTextSearchFlags, limit: Int) -> [(Int32, Int32)] {
        var found: [(Int32, Int32)] = []
        var iter = iter(at: 0), s = GtkTextIter(), e = GtkTextIter()
        while found.count < limit, gtk_text_iter_forward_search(&iter, query, flags, &s, &e, nil) != 0 {
            found.append((gtk_text_iter_get_offset(&s), gtk_text_iter_get_offset(&e)))
            iter = e
        }
        return found
    }
    /// A new tag in the buffer's table (which keeps it).
    func createTag(_ name: String) -> TextTag {
        let tag = gtk_text_tag_new(name)!
        gtk_text_tag_table_add(gtk_text_buffer_get_tag_table(buffer), tag)
        unref(tag)
        return TextTag(tag: tag)
    }
}

struct TextTag {
    let tag: UnsafeMutablePointer<GtkTextTag>
    func set(_ property: String, _ value: Int32) { dr_object_set_int(tag, property, value) }
    func set(_ property: String, _ value: String) { dr_object_set_string(tag, property, value) }
    func set(_ property: String, _ value: GdkRGBA) {
        var value = value
        dr_object_set_rgba(tag, property, &value)
    }
    var priority: Int32 {
        get { gtk_text_tag_get_priority(tag) }
        nonmutating set { gtk_text_tag_set_priority(tag, newValue) }
    }
}

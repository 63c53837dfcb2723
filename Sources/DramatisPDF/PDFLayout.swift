import CCairo
import DramatisCore
import Foundation

/// Lays PDF blocks out on A4 pages with Pango and draws them on a cairo PDF surface.
///
/// Two passes: every block becomes a wrapped `PangoLayout` whose lines are measured; the lines are
/// then placed on pages (a heading stays with the first lines of what follows, a paragraph never
/// leaves a single line at the foot of a page), so the page count is known before drawing and
/// each footer can say "page N of M".
struct PDFLayout {
    static let pangoScale = 1024.0
    /// A4 in PostScript points.
    let pageWidth = 595.2756
    let pageHeight = 841.8898
    let marginTop = 56.0, marginBottom = 62.0, marginLeft = 62.0, marginRight = 62.0
    var contentWidth: Double { pageWidth - marginLeft - marginRight }
    var contentBottom: Double { pageHeight - marginBottom }

    struct StyleMetrics {
        var font: String
        var colour: (Double, Double, Double) = (0.12, 0.12, 0.12)
        var spaceBefore = 0.0
        var spaceAfter = 0.0
        var indent = 0.0
        var lineFactor = 1.15
        var bullet: String? = nil
        var keepWithNext = false
        var ruleBelow = false
    }

    static let sans = "Nimbus Sans, DejaVu Sans, sans-serif"
    static let serif = "C059, DejaVu Serif, serif"

    func metrics(_ style: PDFBlock.Style) -> StyleMetrics {
        let grey = (0.37, 0.36, 0.39)
        switch style {
        case .title:
            return StyleMetrics(font: "\(Self.sans) Bold 20", spaceAfter: 6, lineFactor: 1.1, keepWithNext: true)
        case .meta:
            return StyleMetrics(font: "\(Self.sans) 9.5", colour: grey, spaceAfter: 4, lineFactor: 1.25)
        case .heading:
            return StyleMetrics(font: "\(Self.sans) Bold 14", spaceBefore: 18, spaceAfter: 8,
                                lineFactor: 1.1, keepWithNext: true, ruleBelow: true)
        case .subheading:
            return StyleMetrics(font: "\(Self.sans) Bold 11", spaceBefore: 9, spaceAfter: 3, keepWithNext: true)
        case .lead:
            return StyleMetrics(font: "\(Self.serif) 11", spaceAfter: 4, lineFactor: 1.3)
        case .body:
            return StyleMetrics(font: "\(Self.sans) 10", spaceAfter: 4, lineFactor: 1.25)
        case .bullet:
            return StyleMetrics(font: "\(Self.sans) 10", spaceAfter: 3.5, indent: 14, lineFactor: 1.25, bullet: "•")
        case .quote:
            return StyleMetrics(font: "\(Self.sans) Italic 9.5", colour: grey, spaceAfter: 5, indent: 28, lineFactor: 1.25)
        case .article:
            return StyleMetrics(font: "\(Self.serif) 10.5", spaceAfter: 7, lineFactor: 1.35)
        case .legend:
            return StyleMetrics(font: "\(Self.sans) 9", spaceAfter: 10, lineFactor: 1.3)
        case .note:
            return StyleMetrics(font: "\(Self.sans) Italic 10", colour: grey, spaceAfter: 4, lineFactor: 1.25)
        }
    }

    /// One measured line of a block, in points relative to the block's top.
    struct Line {
        var line: UnsafeMutablePointer<PangoLayoutLine>
        var x: Double
        var height: Double
        var baseline: Double
    }

    struct Measured {
        var block: PDFBlock
        var metrics: StyleMetrics
        var layout: OpaquePointer
        var lines: [Line]
        var height: Double { lines.reduce(0) { $0 + $1.height } }
    }

    enum Drawing {
        case line(block: Int, line: Int, y: Double)
        case bullet(block: Int, y: Double)
        case rule(y: Double)
    }

    final class Sink {
        var data = Data()
    }

    func render(blocks: [PDFBlock], title: String, creator: String) throws -> (data: Data, pageCount: Int) {
        let sink = Sink()
        let writer: cairo_write_func_t = { closure, bytes, length in
            guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.data.append(bytes, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(writer, Unmanaged.passUnretained(sink).toOpaque(),
                                                                pageWidth, pageHeight),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw ExportError.renderFailed(.pdf, reason: "cairo could not create a PDF surface")
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, creator)
        let cr = cairo_create(surface)!

        var measured: [Measured] = []
        defer { for m in measured { g_object_unref(UnsafeMutableRawPointer(m.layout)) } }
        for block in blocks {
            measured.append(try measure(block, cr: cr))
        }
        var bulletLayouts: [String: OpaquePointer] = [:]
        defer { for l in bulletLayouts.values { g_object_unref(UnsafeMutableRawPointer(l)) } }

        let pages = paginate(measured)

        // Draw.
        let footerLayout = pango_cairo_create_layout(cr)!
        defer { g_object_unref(UnsafeMutableRawPointer(footerLayout)) }
        let footerFont = pango_font_description_from_string("\(Self.sans) 8")
        pango_layout_set_font_description(footerLayout, footerFont)
        pango_font_description_free(footerFont)
        pango_layout_set_width(footerLayout, Int32(contentWidth * Self.pangoScale))
        pango_layout_set_alignment(footerLayout, PANGO_ALIGN_CENTER)
        pango_layout_set_ellipsize(footerLayout, PANGO_ELLIPSIZE_MIDDLE)

        for (index, drawings) in pages.enumerated() {
            for d in drawings {
                switch d {
                case .line(let b, let l, let y):
                    let m = measured[b], line = m.lines[l]
                    let (r, g, bl) = m.metrics.colour
                    cairo_set_source_rgb(cr, r, g, bl)
                    cairo_move_to(cr, marginLeft + m.metrics.indent + line.x, y + line.baseline)
                    pango_cairo_show_layout_line(cr, line.line)
                case .bullet(let b, let y):
                    let m = measured[b]
                    guard let bullet = m.metrics.bullet else { continue }
                    let layout: OpaquePointer
                    if let existing = bulletLayouts[m.metrics.font] {
                        layout = existing
                    } else {
                        layout = pango_cairo_create_layout(cr)!
                        let font = pango_font_description_from_string(m.metrics.font)
                        pango_layout_set_font_description(layout, font)
                        pango_font_description_free(font)
                        pango_layout_set_text(layout, bullet, -1)
                        bulletLayouts[m.metrics.font] = layout
                    }
                    cairo_set_source_rgb(cr, 0.37, 0.36, 0.39)
                    let first = m.lines[0]
                    let baseline = Double(pango_layout_get_baseline(layout)) / Self.pangoScale
                    cairo_move_to(cr, marginLeft + m.metrics.indent - 10, y + first.baseline - baseline)
                    pango_cairo_show_layout(cr, layout)
                case .rule(let y):
                    cairo_set_source_rgb(cr, 0.80, 0.79, 0.78)
                    cairo_set_line_width(cr, 0.7)
                    cairo_move_to(cr, marginLeft, y)
                    cairo_line_to(cr, pageWidth - marginRight, y)
                    cairo_stroke(cr)
                }
            }
            let footer = "\(title) — page \(index + 1) of \(pages.count)"
            pango_layout_set_text(footerLayout, footer, -1)
            cairo_set_source_rgb(cr, 0.37, 0.36, 0.39)
            cairo_move_to(cr, marginLeft, pageHeight - marginBottom + 26)
            pango_cairo_show_layout(cr, footerLayout)
            cairo_show_page(cr)
        }
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ExportError.renderFailed(.pdf, reason: String(cString: cairo_status_to_string(status)))
        }
        return (sink.data, pages.count)
    }

    /// Wraps a block to the content width and measures its lines.
    func measure(_ block: PDFBlock, cr: OpaquePointer) throws -> Measured {
        let metrics = metrics(block.style)
        var error: UnsafeMutablePointer<GError>? = nil
        if pango_parse_markup(block.markup, -1, 0, nil, nil, nil, &error) == 0 {
            let message = error.map { String(cString: $0.pointee.message) } ?? "invalid markup"
            if let error { g_error_free(error) }
            throw ExportError.renderFailed(.pdf, reason: "bad Pango markup (\(message))")
        }
        let layout = pango_cairo_create_layout(cr)!
        let font = pango_font_description_from_string(metrics.font)
        pango_layout_set_font_description(layout, font)
        pango_font_description_free(font)
        pango_layout_set_width(layout, Int32((contentWidth - metrics.indent) * Self.pangoScale))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_markup(layout, block.markup, -1)

        var lines: [Line] = []
        let iter = pango_layout_get_iter(layout)!
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter) - logical.y) / Self.pangoScale
            let height = Double(logical.height) / Self.pangoScale
            let extra = height * (metrics.lineFactor - 1)
            if let line = pango_layout_iter_get_line_readonly(iter) {
                lines.append(Line(line: line, x: Double(logical.x) / Self.pangoScale,
                                  height: height + extra, baseline: baseline + extra / 2))
            }
        } while pango_layout_iter_next_line(iter) != 0
        pango_layout_iter_free(iter)
        return Measured(block: block, metrics: metrics, layout: layout, lines: lines)
    }

    /// Places every line on a page; returns what each page draws.
    func paginate(_ blocks: [Measured]) -> [[Drawing]] {
        var pages: [[Drawing]] = [[]]
        var y = marginTop
        var atTop = true
        func newPage() {
            pages.append([])
            y = marginTop
            atTop = true
        }
        for (b, m) in blocks.enumerated() {
            if m.block.pageBreakBefore && !(atTop && pages[pages.count - 1].isEmpty) { newPage() }
            if !atTop { y += m.metrics.spaceBefore }
            // How much must fit on this page before the block starts here.
            var needed = m.lines.prefix(2).reduce(0) { $0 + $1.height }
            if m.lines.count <= 3 { needed = m.height }
            if m.metrics.keepWithNext {
                needed = m.height
                var k = b + 1
                // A chain of headings (heading + subheading) stays together with the first text.
                while k < blocks.count {
                    let next = blocks[k]
                    needed += next.metrics.spaceBefore + next.lines.prefix(2).reduce(0) { $0 + $1.height }
                    if !next.metrics.keepWithNext { break }
                    needed += next.height - next.lines.prefix(2).reduce(0) { $0 + $1.height }
                    k += 1
                }
            }
            if y + needed > contentBottom && !atTop { newPage() }

            for (l, line) in m.lines.enumerated() {
                let fits = y + line.height <= contentBottom
                // No widow: when only the last line would spill over, the last two lines move
                // together (keeping at least two on this page).
                let widow = fits && l == m.lines.count - 2 && l >= 2
                    && y + line.height + m.lines[l + 1].height > contentBottom
                if (!fits || widow) && !atTop { newPage() }
                if l == 0, m.metrics.bullet != nil { pages[pages.count - 1].append(.bullet(block: b, y: y)) }
                pages[pages.count - 1].append(.line(block: b, line: l, y: y))
                y += line.height
                atTop = false
            }
            if m.metrics.ruleBelow {
                pages[pages.count - 1].append(.rule(y: y + 2))
                y += 2
            }
            y += m.metrics.spaceAfter
        }
        return pages
    }
}

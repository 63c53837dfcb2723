import Foundation
import CLibXML2

/// An HTML page parsed by libxml2's forgiving HTML parser and flattened into an array in
/// document (pre-)order: a parent always comes before its children, so every later pass is a
/// plain loop. Nothing here recurses, so a page nested 100,000 levels deep is just a long array.
struct HTMLTree {
    struct Node {
        /// Lowercase tag name, or `#text` for text (and CDATA) nodes.
        var name: String
        /// The text of a text node; empty for elements.
        var text: String = ""
        var attributes: [String: String] = [:]
        var parent: Int
        var children: [Int] = []
        var depth: Int

        var isText: Bool { name == "#text" }
        func attribute(_ key: String) -> String? { attributes[key] }
    }

    var nodes: [Node] = []

    static let parseOptions: Int32 = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    private static let libxmlReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses already-decoded HTML. The text is handed to libxml2 as UTF-8 with the page's own
    /// charset declaration ignored (`HTML_PARSE_IGNORE_ENC`): decoding happened before, in
    /// `CharsetDecoder`. libxml2's error reports are silenced for this thread.
    init(html: String) {
        _ = HTMLTree.libxmlReady
        // The structured handler replaces the generic (stderr) one for this thread.
        xmlSetStructuredErrorFunc(nil) { _, _ in }
        var bytes = Array(html.utf8)
        if bytes.isEmpty { return }
        if bytes.count > Int(Int32.max) { bytes = Array(bytes.prefix(Int(Int32.max))) }
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { p in
                htmlReadMemory(p, Int32(buffer.count), nil, "UTF-8", HTMLTree.parseOptions)
            }
        }
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        build(from: doc)
    }

    private mutating func build(from doc: htmlDocPtr) {
        // Explicit stack of (libxml2 node, parent index, depth); siblings are pushed in reverse
        // so they pop in document order.
        var stack: [(xmlNodePtr, Int, Int)] = []
        func pushChildren(of first: xmlNodePtr?, parent: Int, depth: Int) {
            var siblings: [xmlNodePtr] = []
            var cur = first
            while let c = cur { siblings.append(c); cur = c.pointee.next }
            for c in siblings.reversed() { stack.append((c, parent, depth)) }
        }
        pushChildren(of: doc.pointee.children, parent: -1, depth: 0)
        while let (node, parent, depth) = stack.popLast() {
            let type = node.pointee.type
            if type == XML_ELEMENT_NODE {
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                var attributes: [String: String] = [:]
                var attr = node.pointee.properties
                while let a = attr {
                    if let n = a.pointee.name {
                        var value = ""
                        var child = a.pointee.children
                        while let c = child {
                            if let content = c.pointee.content { value += String(cString: content) }
                            child = c.pointee.next
                        }
                        attributes[String(cString: n).lowercased()] = value
                    }
                    attr = a.pointee.next
                }
                let index = nodes.count
                nodes.append(Node(name: name, attributes: attributes, parent: parent, depth: depth))
                if parent >= 0 { nodes[parent].children.append(index) }
                pushChildren(of: node.pointee.children, parent: index, depth: depth + 1)
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                guard let content = node.pointee.content else { continue }
                let index = nodes.count
                nodes.append(Node(name: "#text", text: String(cString: content), parent: parent, depth: depth))
                if parent >= 0 { nodes[parent].children.append(index) }
            }
            // Comments, processing instructions and the doctype are left out.
        }
    }

    /// Indices of elements with this tag, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// All text below a node, in document order, whitespace collapsed (iterative).
    func textContent(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let i = stack.popLast() {
            let n = nodes[i]
            if n.isText { out += n.text; continue }
            if n.name == "br" { out += " " }
            stack.append(contentsOf: n.children.reversed())
        }
        return HTMLTree.collapseWhitespace(out)
    }

    /// Runs of whitespace (including no-break spaces) become one space; ends trimmed.
    static func collapseWhitespace(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u.properties.isWhitespace || u == "\u{00A0}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if u == "\u{00AD}" || u == "\u{200B}" || u == "\u{FEFF}" { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(u)
        }
        return String(out)
    }
}

import Foundation

extension HTMLArticleExtractor {
    /// What the extractor saw on a page, for `dramatis-eval extract-html` with DIAGNOSE=1: the
    /// topmost dropped elements that held much text, the scored candidates, and every block.
    public static func diagnose(data: Data) -> [String] {
        let tree = HTMLTree(html: CharsetDecoder.decodeHTML(data, declaredCharset: nil).text)
        let body = BodyExtractor(tree: tree)
        var raw = Array(repeating: 0, count: tree.nodes.count)
        for i in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            let n = tree.nodes[i]
            if n.isText, !["script", "style"].contains(tree.nodes[max(n.parent, 0)].name) { raw[i] += n.text.count }
            if n.parent >= 0 { raw[n.parent] += raw[i] }
        }
        var lines: [String] = []
        for i in tree.nodes.indices where body.excluded[i] && raw[i] > 300 {
            let p = tree.nodes[i].parent
            if p >= 0, body.excluded[p] { continue }
            lines.append("dropped \(describe(tree, i)) raw=\(raw[i])")
        }
        for line in body.candidateReport() { lines.append(line) }
        for b in body.blocks() {
            let owner = b.owner >= 0 ? describe(tree, b.owner) : "-"
            lines.append(String(format: "block %@ len=%d ld=%.2f | %@", owner, b.length, b.linkDensity, String(b.text.prefix(90))))
        }
        return lines
    }

    static func describe(_ tree: HTMLTree, _ i: Int) -> String {
        let n = tree.nodes[i]
        var s = "\(i):\(n.name)"
        if let id = n.attributes["id"], !id.isEmpty { s += "#" + id }
        if let c = n.attributes["class"], !c.isEmpty { s += "." + c.split(separator: " ").prefix(4).joined(separator: ".") }
        return s
    }
}

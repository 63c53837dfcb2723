import Foundation

/// The readability-style body finder of `HTMLArticleExtractor`. Every pass is a loop over the
/// flattened `HTMLTree` (pre-order, parents before children), never a recursion.
struct BodyExtractor {
    let tree: HTMLTree
    /// Dropped before anything else: by tag, role, hidden-ness or class/id hints (inherited).
    private(set) var excluded: [Bool]
    /// Visible (non-whitespace) characters below each node, and how many of them are link text.
    private(set) var textLength: [Int]
    private(set) var linkLength: [Int]
    /// Of `textLength`, the characters in `<p>` elements outside links: surely reading matter.
    private(set) var proseLength: [Int]
    /// Whether a block element or `<br>` is below the node (a layout cell, not a data cell).
    private(set) var hasBlockInside: [Bool]
    /// One past the last index of each node's subtree.
    private(set) var subtreeEnd: [Int]

    struct Block {
        var text: String
        var length: Int
        var linkLength: Int
        /// The innermost block-level element around the text (-1 at the top level).
        var owner: Int
        var linkDensity: Double { length == 0 ? 0 : Double(linkLength) / Double(length) }
    }

    // MARK: Vocabulary

    /// Never text of the article, in any pass.
    static let hardTags: Set<String> = ["script", "style", "noscript", "template", "iframe", "svg", "math", "button",
        "select", "textarea", "input", "canvas", "video", "audio", "object", "embed", "head", "title", "meta", "link",
        "option", "map", "picture", "img", "source"]
    /// Page furniture: dropped in the strict pass unless the element holds most of the page's prose
    /// (an ASP.NET page wraps everything in one `<form>`; some themes put the story in a `<header>`).
    static let softTags: Set<String> = ["nav", "footer", "aside", "form", "figcaption", "dialog", "menu", "header",
        "fieldset", "label"]
    static let blockTags: Set<String> = ["address", "article", "aside", "blockquote", "body", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "legend", "noscript"]
    /// Blocks whose text is one paragraph: their points go first to the element around them.
    static let paragraphTags: Set<String> = ["p", "li", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
        "dd", "dt", "address", "th"]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let inlineTags: Set<String> = ["a", "span", "em", "strong", "b", "i", "u", "s", "time", "abbr", "small",
        "sup", "sub", "mark", "q", "cite", "code", "font", "big", "var", "kbd", "samp", "dfn", "bdi", "bdo", "ins", "del"]
    static let droppedRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog",
        "alertdialog", "alert", "search", "menu", "menubar", "toolbar", "form", "tablist"]

    /// How much is dropped before scoring: `strict` drops page furniture by tag, role and class/id
    /// words; `lenient` (the fallback when the strict pass finds little) only comments and hidden
    /// elements, leaving the rest to link density and scoring.
    enum Mode { case strict, lenient }

    let lexicon: HTMLLexicon
    /// Hints of each element's class and id (empty for text nodes).
    private(set) var hints: [Set<HTMLLexicon.Hint>]

    /// readability's class weight: +25 for a positive class or id, -25 for a negative one.
    func classWeight(_ i: Int) -> Double {
        let h = hints[i]
        var w = 0.0
        if h.contains(.negative) || h.contains(.weak) || h.contains(.comment) { w -= 25 }
        if h.contains(.positive) { w += 25 }
        if lexicon.isBodyContainer(tree.nodes[i]) { w += 25 }
        return w
    }

    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        let a = node.attributes
        if a["hidden"] != nil || a["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = a["style"]?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// Whether an element would be dropped in `mode`, before the prose safety of `init`.
    func isFurniture(_ i: Int, mode: Mode) -> Bool {
        let node = tree.nodes[i]
        if ["html", "body"].contains(node.name) { return false }
        let h = hints[i]
        if BodyExtractor.isHidden(node) { return true }
        if h.contains(.comment), !lexicon.isBodyContainer(node) { return true }
        guard mode == .strict else { return false }
        if BodyExtractor.softTags.contains(node.name) { return true }
        if let role = node.attributes["role"]?.lowercased(), BodyExtractor.droppedRoles.contains(role) { return true }
        if BodyExtractor.inlineTags.contains(node.name) || node.name == "main" { return false }
        return h.contains(.negative) && !h.contains(.positive) && !lexicon.isBodyContainer(node)
    }

    // MARK: Passes

    init(tree: HTMLTree, mode: Mode = .strict, lexicon: HTMLLexicon = .shared) {
        self.tree = tree
        self.lexicon = lexicon
        let n = tree.nodes.count
        hints = tree.nodes.map { $0.isText ? [] : lexicon.hints(class: $0.attributes["class"], id: $0.attributes["id"]) }
        var hard = Array(repeating: false, count: n)
        var inLink = Array(repeating: false, count: n)
        var inParagraph = Array(repeating: false, count: n)
        for i in 0..<n {
            let node = tree.nodes[i]
            let p = node.parent
            hard[i] = (p >= 0 && hard[p]) || (!node.isText && BodyExtractor.hardTags.contains(node.name))
            inLink[i] = (p >= 0 && inLink[p]) || node.name == "a"
            inParagraph[i] = (p >= 0 && inParagraph[p]) || node.name == "p"
        }
        // Prose: paragraph text outside links, the part of a page that is surely reading matter.
        var prose = Array(repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree.nodes[i]
            if node.isText, !hard[i], inParagraph[i], !inLink[i] {
                prose[i] = node.text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
            }
            if node.parent >= 0 { prose[node.parent] += prose[i] }
        }
        let totalProse = tree.nodes.indices.filter { tree.nodes[$0].parent < 0 }.reduce(0) { $0 + prose[$1] }
        excluded = Array(repeating: false, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        subtreeEnd = (0..<n).map { $0 + 1 }
        proseLength = Array(repeating: 0, count: n)
        hasBlockInside = Array(repeating: false, count: n)
        for i in 0..<n {
            let p = tree.nodes[i].parent
            if hard[i] || (p >= 0 && excluded[p]) { excluded[i] = true; continue }
            if tree.nodes[i].isText { continue }
            // A box that holds most of the page's prose is the page's frame, not furniture in it.
            // (A few hundred characters at least: on a page whose story is in `<div>`s, one promo
            // paragraph can be most of the `<p>` text.)
            if prose[i] * 2 > totalProse, prose[i] >= 400 { continue }
            excluded[i] = isFurniture(i, mode: mode)
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            let node = tree.nodes[i]
            if node.isText, !excluded[i] {
                let visible = node.text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
                textLength[i] = visible
                if inLink[i] { linkLength[i] = visible } else if inParagraph[i] { proseLength[i] = visible }
            }
            let p = node.parent
            if p >= 0 {
                textLength[p] += textLength[i]
                linkLength[p] += linkLength[i]
                proseLength[p] += proseLength[i]
                if hasBlockInside[i] || node.name == "br" || BodyExtractor.blockTags.contains(node.name) { hasBlockInside[p] = true }
                subtreeEnd[p] = max(subtreeEnd[p], subtreeEnd[i])
            }
        }
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    /// Every run of text between block boundaries (block elements and `<br>`), in document order.
    func blocks() -> [Block] {
        var out: [Block] = []
        var buffer = ""
        var bufferLinks = 0
        var blockStack: [Int] = []
        var preDepth = 0
        func flush() {
            let text = preDepth > 0 ? BodyExtractor.cleanPre(buffer) : HTMLTree.collapseWhitespace(buffer)
            if !text.isEmpty {
                let length = text.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
                out.append(Block(text: text, length: length, linkLength: min(bufferLinks, length), owner: blockStack.last ?? -1))
            }
            buffer = ""
            bufferLinks = 0
        }
        // (index, isExit) events; roots pushed in reverse so they pop in order.
        var stack: [(Int, Bool)] = tree.nodes.indices.filter { tree.nodes[$0].parent < 0 }.reversed().map { ($0, false) }
        while let (i, exiting) = stack.popLast() {
            let node = tree.nodes[i]
            if excluded[i] { continue }
            if node.isText {
                buffer += node.text
                if linkLength[i] > 0 { bufferLinks += linkLength[i] }
                continue
            }
            // A data cell is a word of its row ("3 | Kevin Harvick | 5033"); a layout cell a block.
            let isCell = (node.name == "td" || node.name == "th") && !hasBlockInside[i]
            let isBlock = BodyExtractor.blockTags.contains(node.name) && !isCell
            if isCell { buffer += " " }
            if exiting {
                if isBlock { flush(); blockStack.removeLast() }
                if node.name == "pre" { preDepth -= 1 }
                continue
            }
            if node.name == "br" || node.name == "hr" { flush(); continue }
            if isBlock { flush(); blockStack.append(i) }
            if node.name == "pre" { preDepth += 1 }
            stack.append((i, true))
            for c in node.children.reversed() { stack.append((c, false)) }
        }
        flush()
        return out
    }

    static func cleanPre(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: true)
            .map { line in String(line).replacingOccurrences(of: "\t", with: "    ").replacingOccurrences(of: "\u{00A0}", with: " ") }
            .map { String($0.reversed().drop(while: { $0 == " " || $0 == "\r" }).reversed()) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n")
    }

    func isInside(_ i: Int, _ root: Int) -> Bool { i >= root && i < subtreeEnd[root] }

    // MARK: Scoring

    func candidateReport() -> [String] {
        let blocks = blocks()
        let (ranked, roots) = choose(blocks)
        func chain(_ i: Int) -> String {
            var parts: [String] = [], a = i
            while a >= 0, parts.count < 4 { parts.append(HTMLArticleExtractor.describe(tree, a)); a = tree.nodes[a].parent }
            return parts.joined(separator: " < ")
        }
        return ranked.prefix(6).map { String(format: "candidate %.1f ", $0.score) + chain($0.index) }
            + roots.map { "root " + chain($0) }
    }

    func paragraphs(title: String?) -> [String] {
        let blocks = blocks()
        guard !blocks.isEmpty else { return [] }
        let roots = choose(blocks).roots
        // The roots are disjoint subtrees: marking their ranges keeps this linear however many there are.
        var inRoot = Array(repeating: false, count: tree.nodes.count)
        for r in roots { for i in r..<subtreeEnd[r] { inRoot[i] = true } }
        var chosen = blocks.filter { b in b.owner >= 0 && inRoot[b.owner] }
        if chosen.isEmpty { chosen = blocks }
        return clean(chosen, title: title)
    }

    /// The scored candidates, best first, and the elements whose blocks make the body.
    func choose(_ blocks: [Block]) -> (ranked: [(index: Int, score: Double)], roots: [Int]) {
        var scores: [Int: Double] = [:]
        var runsPerOwner: [Int: Int] = [:]
        for b in blocks { runsPerOwner[b.owner, default: 0] += 1 }
        func initialScore(_ i: Int) -> Double {
            var s: Double
            switch tree.nodes[i].name {
            case "div", "article", "main", "section": s = 5
            case "pre", "td", "blockquote": s = 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
            default: s = 0
            }
            if tree.nodes[i].name == "article" { s += 10 }
            return s + classWeight(i)
        }
        for b in blocks where b.length >= 25 && b.owner >= 0 {
            let ownerName = tree.nodes[b.owner].name
            if BodyExtractor.headingTags.contains(ownerName) { continue }
            let commas = b.text.reduce(0) { $0 + ($1 == "," || $1 == "，" || $1 == "、" ? 1 : 0) }
            let points = 1 + Double(commas) + min(Double(b.length) / 100, 3)
            // A paragraph element, or a div/td holding one run of text and no blocks (readability turns
            // those into <p>), gives its points to its parent first; a container of several runs
            // (<br>-separated text) keeps them.
            let actsAsParagraph = BodyExtractor.paragraphTags.contains(ownerName)
                || (runsPerOwner[b.owner] == 1 && !tree.nodes[b.owner].children.contains { c in
                    !excluded[c] && BodyExtractor.blockTags.contains(tree.nodes[c].name) })
            var candidate = actsAsParagraph ? tree.nodes[b.owner].parent : b.owner
            var level = 0
            while candidate >= 0, level < 5 {
                if tree.nodes[candidate].name == "html" { break }
                if scores[candidate] == nil { scores[candidate] = initialScore(candidate) }
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                scores[candidate]! += points / divider
                candidate = tree.nodes[candidate].parent
                level += 1
            }
        }
        func final(_ i: Int) -> Double? { scores[i].map { $0 * (1 - linkDensity(i)) } }

        var ranked: [(index: Int, score: Double)] = []
        for (i, s) in scores { ranked.append((i, s * (1 - linkDensity(i)))) }
        ranked.sort { a, b in a.score != b.score ? a.score > b.score : a.index < b.index }
        var roots: [Int]
        if let (best, bestScore) = ranked.first {
            var top = best
            // Several near-best candidates under one ancestor: that ancestor holds the article.
            let alternatives: [Int] = ranked.dropFirst().prefix(4).filter { $0.score >= bestScore * 0.75 }.map { $0.index }
            if alternatives.count >= 3 {
                var a = tree.nodes[top].parent
                while a >= 0, tree.nodes[a].name != "body" {
                    if alternatives.filter({ isInside($0, a) }).count >= 3 { top = a; break }
                    a = tree.nodes[a].parent
                }
            }
            // Climb while the parent scores higher (readability's parent promotion).
            var lastScore = final(top) ?? bestScore
            var p = tree.nodes[top].parent
            while p >= 0, tree.nodes[p].name != "body", tree.nodes[p].name != "html" {
                if let ps = final(p) {
                    if ps < lastScore / 3 { break }
                    if ps > lastScore { top = p; break }
                    lastScore = ps
                }
                p = tree.nodes[p].parent
            }
            // An only child: its parent is the better container (it has the siblings).
            while true {
                let p = tree.nodes[top].parent
                guard p >= 0, tree.nodes[p].name != "body", tree.nodes[p].name != "html" else { break }
                let visibleChildren = tree.nodes[p].children.filter { !excluded[$0] && (textLength[$0] > 0) }
                guard visibleChildren == [top] else { break }
                top = p
            }
            roots = siblings(of: top, topScore: final(top) ?? bestScore, final: final)
        } else {
            roots = tree.elements(named: "body")
            if roots.isEmpty { roots = tree.nodes.indices.filter { tree.nodes[$0].parent < 0 } }
        }
        return (ranked, roots)
    }

    /// The top candidate and those siblings that score well or read like prose.
    private func siblings(of top: Int, topScore: Double, final: (Int) -> Double?) -> [Int] {
        let parent = tree.nodes[top].parent
        guard parent >= 0 else { return [top] }
        // readability uses a fifth of the top score; a bit stricter here keeps out trailing comment
        // blocks, while same-class chunks of a split article still get their bonus.
        let threshold = max(10, topScore * 0.3)
        let topClass = tree.nodes[top].attributes["class"] ?? ""
        var out: [Int] = []
        for s in tree.nodes[parent].children where !tree.nodes[s].isText && !excluded[s] {
            if s == top { out.append(s); continue }
            var bonus = 0.0
            if !topClass.isEmpty, tree.nodes[s].attributes["class"] == topClass { bonus = topScore * 0.2 }
            if let f = final(s), f + bonus >= threshold { out.append(s); continue }
            // A part of a story split around a figure or an ad: mostly paragraphs, few links.
            if textLength[s] >= 150, proseLength[s] * 2 >= textLength[s], linkDensity(s) < 0.3 { out.append(s); continue }
            if tree.nodes[s].name == "p" {
                let length = textLength[s], density = linkDensity(s)
                let text = tree.textContent(of: s)
                if length > 80, density < 0.25 { out.append(s) }
                else if length > 0, length <= 80, density == 0, text.hasSuffix(".") || text.contains(". ") { out.append(s) }
            }
        }
        return out
    }

    func clean(_ blocks: [Block], title: String?) -> [String] {
        let normalizedTitle = title.map(BodyExtractor.normalizeForComparison)
        // The lede: the first real paragraph; short non-sentences before it are dropped below.
        let lede = blocks.firstIndex { $0.text.count >= 120 && !isHeading($0) }
        var kept: [Block] = []
        for (index, b) in blocks.enumerated() {
            if b.linkDensity > 0.5 { continue }
            let n = BodyExtractor.normalizeForComparison(b.text)
            if lexicon.lines.contains(n) { continue }
            let isHeading = isHeading(b)
            if isHeading, let t = normalizedTitle, n == t { continue }
            // Before the first real paragraph: bylines, date lines, kickers and standfirsts (short
            // lines that are not sentences). Headings, table rows and list items (key points) stay.
            if let lede, index < lede, !isHeading, b.owner < 0 || !["tr", "li"].contains(tree.nodes[b.owner].name),
               b.text.lowercased().hasPrefix("by ") || !BodyExtractor.endsLikeSentence(b.text) { continue }
            kept.append(b)
        }
        // Headings with nothing after them ("Related", "More on this") close no section of the article.
        while let last = kept.last, isHeading(last) { kept.removeLast() }
        return kept.map(\.text)
    }

    func isHeading(_ b: Block) -> Bool { b.owner >= 0 && BodyExtractor.headingTags.contains(tree.nodes[b.owner].name) }

    static func endsLikeSentence(_ s: String) -> Bool {
        guard let last = s.last else { return false }
        return ".!?…\"”’'»)".contains(last)
    }

    static func normalizeForComparison(_ s: String) -> String {
        s.lowercased().trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.whitespaces).union(.symbols))
    }
}

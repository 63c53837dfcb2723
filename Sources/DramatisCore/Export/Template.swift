import Foundation

/// A small logic-less template language (a subset of Mustache) used by the text exporters.
///
/// - `{{name}}` inserts a value, passed through the template's escaper (Markdown or HTML);
/// - `{{{name}}}` inserts a value verbatim (only for fragments the exporter built and escaped);
/// - `{{#name}}…{{/name}}` repeats for each item of a list, or renders once for `true` or a
///   non-empty string; `{{^name}}…{{/name}}` renders when the value is missing, empty or false;
/// - `{{! comment }}` is dropped.
///
/// A section, inverted-section, closing or comment tag alone on its line removes that whole line,
/// so templates can be written one construct per line (as Mustache's "standalone" rule).
/// Escaping is the default: an article-derived string can only reach the output unescaped when a
/// template asks for it with triple braces.
public struct Template: Sendable {
    public enum Value: Sendable {
        case string(String)
        case bool(Bool)
        case list([Context])
        case object(Context)
    }
    public typealias Context = [String: Value]

    public struct ParseError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { "template: \(message)" }
    }

    indirect enum Node: Sendable {
        case text(String)
        case variable(String, escaped: Bool)
        case section(String, inverted: Bool, [Node])
    }

    let nodes: [Node]
    let escape: @Sendable (String) -> String

    public init(_ source: String, escape: @escaping @Sendable (String) -> String) throws {
        self.escape = escape
        self.nodes = try Template.parse(Template.stripStandaloneLines(source))
    }

    public func render(_ context: Context) -> String {
        var out = ""
        render(nodes, stack: [context], into: &out)
        return out
    }

    private func lookup(_ name: String, _ stack: [Context]) -> Value? {
        if name == "." , let top = stack.last, let v = top["."] { return v }
        for context in stack.reversed() { if let v = context[name] { return v } }
        return nil
    }

    private func render(_ nodes: [Node], stack: [Context], into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let s):
                out += s
            case .variable(let name, let escaped):
                guard let value = lookup(name, stack) else { continue }
                let s: String
                switch value {
                case .string(let v): s = v
                case .bool(let b): s = b ? "true" : ""
                case .list, .object: s = ""
                }
                out += escaped ? escape(s) : s
            case .section(let name, let inverted, let children):
                let value = lookup(name, stack)
                var truthy = false
                switch value {
                case .none: truthy = false
                case .string(let s)?: truthy = !s.isEmpty
                case .bool(let b)?: truthy = b
                case .list(let items)?: truthy = !items.isEmpty
                case .object?: truthy = true
                }
                if inverted {
                    if !truthy { render(children, stack: stack, into: &out) }
                    continue
                }
                guard truthy else { continue }
                switch value {
                case .list(let items)?:
                    for item in items { render(children, stack: stack + [item], into: &out) }
                case .object(let context)?:
                    render(children, stack: stack + [context], into: &out)
                default:
                    render(children, stack: stack, into: &out)
                }
            }
        }
    }

    /// A line that holds only one `{{#…}}`, `{{^…}}`, `{{/…}}` or `{{!…}}` tag keeps the tag and
    /// loses its indentation and line break, so it leaves no blank line in the output.
    static func stripStandaloneLines(_ source: String) -> String {
        let lines = source.components(separatedBy: "\n")
        var out = ""
        for (i, line) in lines.enumerated() {
            let last = i == lines.count - 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.count > 4,
               "#^/!".contains(trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)]),
               !trimmed.dropFirst(2).dropLast(2).contains("{{"), !trimmed.dropFirst(2).dropLast(2).contains("}}") {
                out += trimmed
                continue
            }
            out += line
            if !last { out += "\n" }
        }
        return out
    }

    static func parse(_ source: String) throws -> [Node] {
        var stack: [(name: String?, inverted: Bool, nodes: [Node])] = [(nil, false, [])]
        var rest = Substring(source)
        while !rest.isEmpty {
            guard let open = rest.range(of: "{{") else {
                stack[stack.count - 1].nodes.append(.text(String(rest)))
                break
            }
            if open.lowerBound > rest.startIndex {
                stack[stack.count - 1].nodes.append(.text(String(rest[rest.startIndex..<open.lowerBound])))
            }
            let triple = rest[open.upperBound...].hasPrefix("{")
            let closer = triple ? "}}}" : "}}"
            let bodyStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            guard let close = rest[bodyStart...].range(of: closer) else {
                throw ParseError(message: "unclosed tag near '\(rest.prefix(30))'")
            }
            let body = rest[bodyStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if triple {
                stack[stack.count - 1].nodes.append(.variable(body, escaped: false))
                continue
            }
            guard let sigil = body.first else { throw ParseError(message: "empty tag") }
            let name = body.dropFirst().trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "!":
                continue
            case "#", "^":
                stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, let top = stack.last, top.name == name else {
                    throw ParseError(message: "unexpected {{/\(name)}}")
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(name, inverted: top.inverted, top.nodes))
            default:
                stack[stack.count - 1].nodes.append(.variable(body, escaped: true))
            }
        }
        guard stack.count == 1 else {
            throw ParseError(message: "unclosed section {{#\(stack.last?.name ?? "")}}")
        }
        return stack[0].nodes
    }
}

import Foundation

/// The inputs of `analyze` and `export` with folders replaced by the articles inside them: one
/// walk for both commands, so `--recursive` and the "holds no articles" message mean the same.
enum ArticleInputs {
    /// What `analyze` reads from a folder (a file named on the command line is read whatever its name).
    static let articleExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]
    static let extensionList = ".txt, .md, .markdown, .html or .htm"

    /// A folder that gave no article; its message says what to try.
    struct EmptyFolder: Error, CustomStringConvertible {
        let path: String
        let recursive: Bool
        let subfolders: Int
        var description: String {
            if recursive { return "\(path): holds no articles (\(extensionList) files), in it or in its subfolders" }
            if subfolders > 0 {
                let folders = subfolders == 1 ? "1 subfolder" : "\(subfolders) subfolders"
                return "\(path): holds no articles (\(extensionList) files) at its top level; it has \(folders): add --recursive to read them"
            }
            return "\(path): holds no articles (\(extensionList) files)"
        }
    }

    /// Each input in order; a folder becomes its accepted files sorted by path (hidden files and
    /// folders skipped; with `recursive`, subfolders too, but never through a symbolic link, which
    /// could lead back up the tree). URLs and plain files pass through unchanged.
    static func expand(_ inputs: [String], recursive: Bool,
                       accept: (String) -> Bool) -> (paths: [String], emptyFolders: [EmptyFolder]) {
        var paths: [String] = [], empty: [EmptyFolder] = []
        for input in inputs {
            guard !input.contains("://"), isFolder(input, followingLinks: true) else {
                paths.append(input)
                continue
            }
            var found: [String] = [], subfolders = 0
            walk(input, recursive: recursive, accept: accept, into: &found, subfolders: &subfolders)
            if found.isEmpty {
                empty.append(EmptyFolder(path: input, recursive: recursive, subfolders: subfolders))
            } else {
                paths += found
            }
        }
        return (paths, empty)
    }

    private static func walk(_ folder: String, recursive: Bool, accept: (String) -> Bool,
                             into found: inout [String], subfolders: inout Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            if isFolder(path, followingLinks: true) {
                subfolders += 1
                if recursive, isFolder(path, followingLinks: false) {
                    var nested = 0
                    walk(path, recursive: true, accept: accept, into: &found, subfolders: &nested)
                }
            } else if accept(name) {
                found.append(path)
            }
        }
    }

    static func isArticleName(_ name: String) -> Bool {
        articleExtensions.contains((name as NSString).pathExtension.lowercased())
    }

    private static func isFolder(_ path: String, followingLinks: Bool) -> Bool {
        if followingLinks {
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        return type == .typeDirectory
    }

    /// "dramatis: INPUT: MESSAGE", without naming the input twice when the message already
    /// starts with it (the loader's and exporter's errors name their path themselves).
    static func errorLine(input: String, _ error: Error) -> String {
        let message = (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return message.hasPrefix(input + ":") ? "dramatis: \(message)\n" : "dramatis: \(input): \(message)\n"
    }
}

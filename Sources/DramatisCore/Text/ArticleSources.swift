import Foundation

/// How an article's bytes are read.
public enum ArticleFormat: String, Sendable, Equatable {
    case html, markdown, plainText

    static let htmlExtensions: Set<String> = ["html", "htm", "xhtml", "shtml", "xht"]
    static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd", "mkdn"]

    /// The server's media type wins (`text/html`, `text/markdown`, `text/plain`); then the file
    /// extension; then the content: a page starting with `<!doctype html` or `<html` (after a BOM,
    /// whitespace and comments) is HTML. Everything else is plain text.
    public static func detect(data: Data, fileExtension: String? = nil, mimeType: String? = nil) -> ArticleFormat {
        switch mimeType?.lowercased() {
        case "text/html", "application/xhtml+xml": return .html
        case "text/markdown", "text/x-markdown", "application/x-markdown": return .markdown
        case "text/plain": return .plainText
        default: break
        }
        if let ext = fileExtension?.lowercased() {
            if htmlExtensions.contains(ext) { return .html }
            if markdownExtensions.contains(ext) { return .markdown }
        }
        return looksLikeHTML(data) ? .html : .plainText
    }

    static func looksLikeHTML(_ data: Data) -> Bool {
        var head = data.prefix(2048)
        if let (text, _) = CharsetDecoder.decodeWithBOM(Data(head)) {
            head = Data(text.utf8.prefix(2048))
        }
        var s = String(decoding: head, as: UTF8.self).lowercased()
        while true {
            s = String(s.drop { $0.isWhitespace })
            if s.hasPrefix("<!--"), let end = s.range(of: "-->") { s = String(s[end.upperBound...]); continue }
            if s.hasPrefix("<?xml"), let end = s.range(of: "?>") { s = String(s[end.upperBound...]); continue }
            break
        }
        return s.hasPrefix("<!doctype html") || s.hasPrefix("<html") || s.hasPrefix("<head") || s.hasPrefix("<meta charset")
    }
}

extension ArticleLoader {
    /// The `http://` / `https://` URL in a location string, nil for anything else (local paths).
    public static func remoteURL(_ location: String) -> URL? {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              let url = URL(string: trimmed), url.host != nil else { return nil }
        return url
    }

    /// Reads an article from bytes in any supported format. `mimeType` and `charset` come from an
    /// HTTP `Content-Type` header when there is one.
    public static func parse(data: Data, source: String, fileExtension: String? = nil,
                             mimeType: String? = nil, charset: String? = nil,
                             maximumTextLength: Int = ArticleLoader.maximumTextLength) throws -> Article {
        if data.isEmpty { throw LoadError.empty(source) }
        let hasBOM = CharsetDecoder.decodeWithBOM(data) != nil
        let utf16 = hasBOM ? nil : CharsetDecoder.sniffUTF16(data)
        if !hasBOM, utf16 == nil, let kind = BinarySniffer.kind(of: data) {
            throw LoadError.notText(source, detail: "looks like \(kind)\(hint(for: kind, fileExtension: fileExtension))")
        }
        var article: Article
        switch ArticleFormat.detect(data: data, fileExtension: fileExtension, mimeType: mimeType) {
        case .html:
            let declared = charset ?? utf16
            let result = HTMLArticleExtractor.extract(data: data, declaredCharset: declared)
            if result.paragraphs.isEmpty { throw LoadError.empty(source) }
            if let reason = result.notArticleReason { throw LoadError.notAnArticle(source, reason: reason) }
            article = Article(title: result.title, published: result.published, source: source, text: result.text,
                              author: result.author, siteName: result.siteName,
                              authors: result.authors.isEmpty ? nil : result.authors)
            article.notice = result.notice
        case .markdown:
            article = try MarkdownLoader.parse(try decodeDeclared(data, charset: charset ?? utf16, source: source), source: source)
        case .plainText:
            let text = try decodeDeclared(data, charset: charset ?? utf16, source: source)
            try checkLength(text, source: source, limit: maximumTextLength)
            article = try parsePlainText(text, source: source)
        }
        try checkLength(article.text, source: source, limit: maximumTextLength)
        return article
    }

    /// Refuses a text longer than `maximumTextLength` code points (see there).
    static func checkLength(_ text: String, source: String, limit: Int = maximumTextLength) throws {
        // Cheap first: a code point takes 1 to 4 UTF-8 bytes.
        let bytes = text.utf8.count
        guard bytes > limit else { return }
        let count = text.unicodeScalars.count
        if count > limit {
            throw LoadError.textTooLong(source, characters: count, limit: limit)
        }
    }

    /// Text in a declared charset (HTTP header or sniffed UTF-16), else `decodeText` (UTF-8 / BOM).
    static func decodeDeclared(_ data: Data, charset: String?, source: String) throws -> String {
        if CharsetDecoder.decodeWithBOM(data) == nil, let charset {
            guard let text = CharsetDecoder.decode(data, charset: charset) else {
                throw LoadError.notText(source, detail: "not valid \(charset) text")
            }
            return text
        }
        return try decodeText(data, source: source)
    }

    static func hint(for kind: String, fileExtension: String?) -> String {
        switch fileExtension?.lowercased() {
        case "docx": return "; Word documents are not supported, save it as HTML or plain text"
        case "odt": return "; OpenDocument files are not supported, save it as HTML or plain text"
        case "epub": return "; e-books are not supported"
        default: break
        }
        if kind.contains("PDF") { return "; PDF is not supported, copy the text into a .txt file" }
        if kind.contains("image") { return "; images cannot be read as articles" }
        return "; open an HTML page, a Markdown file or plain text"
    }

    /// Fetches and reads a web article (HTML, or plain text for `text/plain`). The source is the URL.
    /// Blocking: use it from the command line or a background thread.
    public static func load(url: URL, published: String? = nil, options: URLFetcher.Options = .init()) throws -> Article {
        try article(from: try URLFetcher.fetch(url, options: options), published: published)
    }

    /// The async variant of `load(url:published:options:)`, for the window; cancelling the task cancels the fetch.
    public static func loadRemote(url: URL, published: String? = nil, options: URLFetcher.Options = .init()) async throws -> Article {
        try article(from: try await URLFetcher.fetch(url, options: options), published: published)
    }

    /// Opens whatever the user typed or chose ("Open Location…"): a URL is fetched, anything else is
    /// read as a local path, off the calling thread. Errors are `LoadError`s with readable text.
    public static func open(location: String, published: String? = nil, options: URLFetcher.Options = .init()) async throws -> Article {
        if let url = remoteURL(location) { return try await loadRemote(url: url, published: published, options: options) }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try load(path: location, published: published) })
            }
        }
    }

    /// Callback form of `open(location:)` for code without Swift concurrency (e.g. a GTK main loop):
    /// `completion` runs once on a background thread; the handle cancels a URL fetch.
    @discardableResult
    public static func open(location: String, published: String? = nil, options: URLFetcher.Options = .init(),
                            completion: @escaping @Sendable (Result<Article, LoadError>) -> Void) -> URLFetcher.Handle? {
        @Sendable func asLoadError(_ error: Error) -> LoadError {
            (error as? LoadError) ?? .unreadable(location, reason: error.localizedDescription)
        }
        if let url = remoteURL(location) {
            return URLFetcher.fetch(url, options: options) { result in
                completion(result.flatMap { doc in
                    Result { try article(from: doc, published: published) }.mapError(asLoadError)
                })
            }
        }
        DispatchQueue.global(qos: .userInitiated).async {
            completion(Result { try load(path: location, published: published) }.mapError(asLoadError))
        }
        return nil
    }

    /// Reads a fetched document; its source is the URL that was asked for.
    public static func article(from document: FetchedDocument, published: String? = nil) throws -> Article {
        let source = document.requestedURL.absoluteString
        var article = try parse(data: document.data, source: source,
                                fileExtension: document.mimeType == nil ? document.finalURL.pathExtension : nil,
                                mimeType: document.mimeType == "application/octet-stream" ? nil : document.mimeType,
                                charset: document.charset)
        article.source = source
        if let published { article.published = published }
        return article
    }
}

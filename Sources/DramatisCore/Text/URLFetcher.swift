import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What `URLFetcher` brought back: the bytes of a web page or text, and how the server labelled them.
public struct FetchedDocument: Sendable {
    /// The URL that was asked for, and the one that answered after redirects.
    public var requestedURL: URL
    public var finalURL: URL
    public var statusCode: Int
    /// Lowercased media type without parameters (`text/html`), nil when the server sent none.
    public var mimeType: String?
    /// The charset parameter of `Content-Type`, if any.
    public var charset: String?
    public var data: Data
}

/// Fetches articles over HTTP(S) with Foundation's `URLSession` (FoundationNetworking, libcurl
/// underneath on Linux), through a delegate so that every limit is enforced while streaming:
///
/// - a timeout (`Options.timeout`, 15 s): no answer or no data for that long ends the request,
///   and the whole transfer may take at most four times as long;
/// - a size limit (`Options.maximumBytes`, 20 MB): a larger `Content-Length` is refused at the
///   headers, and a response that streams more is cancelled as soon as it passes the limit;
/// - at most `Options.maximumRedirects` (5) redirects; coming back to a URL already visited is
///   reported as a redirect loop; redirects may only go to http(s);
/// - statuses outside 200–299 are errors ("the server answered 404 Not Found");
/// - only web pages and text are accepted (`text/*`, `application/xhtml+xml`; an unlabelled or
///   `application/octet-stream` body is sniffed later).
///
/// Every failure is a `LoadError.network` (or `.tooLarge` / `.notText`) with a readable message.
public enum URLFetcher {
    public struct Options: Sendable {
        public var timeout: TimeInterval
        public var maximumBytes: Int
        public var maximumRedirects: Int
        public var userAgent: String

        public init(timeout: TimeInterval = 15, maximumBytes: Int = 20_000_000, maximumRedirects: Int = 5,
                    userAgent: String = "Dramatis/\(DramatisVersion.string) (article reader)") {
            self.timeout = timeout
            self.maximumBytes = maximumBytes
            self.maximumRedirects = maximumRedirects
            self.userAgent = userAgent
        }
    }

    /// A running fetch; `cancel()` ends it with a "cancelled" error.
    public final class Handle: @unchecked Sendable {
        private let lock = NSLock()
        private var task: URLSessionTask?
        private var cancelled = false
        fileprivate weak var delegate: FetchDelegate?

        fileprivate func attach(_ task: URLSessionTask) -> Bool {
            lock.lock(); defer { lock.unlock() }
            if cancelled { return false }
            self.task = task
            return true
        }

        public func cancel() {
            lock.lock()
            cancelled = true
            let t = task
            let d = delegate
            lock.unlock()
            d?.fail(.network(d?.source ?? "URL", detail: "cancelled"))
            t?.cancel()
        }
    }

    /// The media types read as articles.
    public static func isAcceptable(mimeType: String?) -> Bool {
        guard let m = mimeType?.lowercased(), !m.isEmpty else { return true }
        return m.hasPrefix("text/") || m == "application/xhtml+xml" || m == "application/octet-stream"
            || m == "application/xml" || m == "application/x-markdown"
    }

    /// Starts a fetch; `completion` runs once, on a background thread.
    @discardableResult
    public static func fetch(_ url: URL, options: Options = Options(),
                             completion: @escaping @Sendable (Result<FetchedDocument, LoadError>) -> Void) -> Handle {
        let handle = Handle()
        let source = url.absoluteString
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            completion(.failure(.unsupported(source, detail: "only http:// and https:// addresses can be opened")))
            return handle
        }
        let delegate = FetchDelegate(url: url, options: options, completion: completion)
        handle.delegate = delegate
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout * 4
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.timeout)
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        delegate.session = session
        delegate.task = task
        guard handle.attach(task) else {
            session.invalidateAndCancel()
            completion(.failure(.network(source, detail: "cancelled")))
            return handle
        }
        // A watchdog in case the transport never reports back (it should, through its own timeouts).
        DispatchQueue.global().asyncAfter(deadline: .now() + options.timeout * 4 + 2) { [weak delegate] in
            delegate?.fail(.network(source, detail: "timed out after \(Int(options.timeout * 4)) seconds"))
        }
        task.resume()
        return handle
    }

    /// Blocking fetch, for the command line. Must not be called on the main thread of a GUI.
    public static func fetch(_ url: URL, options: Options = Options()) throws -> FetchedDocument {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox()
        fetch(url, options: options) { result in
            box.set(result)
            semaphore.signal()
        }
        semaphore.wait()
        return try box.get().get()
    }

    /// Async fetch, for the window; cancelling the Swift task cancels the transfer.
    public static func fetch(_ url: URL, options: Options = Options()) async throws -> FetchedDocument {
        let holder = HandleHolder()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<FetchedDocument, Error>) in
                let handle = fetch(url, options: options) { result in continuation.resume(with: result.mapError { $0 as Error }) }
                holder.set(handle)
            }
        } onCancel: {
            holder.cancel()
        }
    }

    static func reason(_ status: Int) -> String {
        let known: [Int: String] = [
            300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
            307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request", 401: "Unauthorized",
            402: "Payment Required", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
            408: "Request Timeout", 410: "Gone", 429: "Too Many Requests", 451: "Unavailable For Legal Reasons",
            500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
            504: "Gateway Timeout",
        ]
        return known[status] ?? HTTPURLResponse.localizedString(forStatusCode: status).capitalized
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<FetchedDocument, LoadError> = .failure(.network("URL", detail: "no result"))
    func set(_ r: Result<FetchedDocument, LoadError>) { lock.lock(); result = r; lock.unlock() }
    func get() -> Result<FetchedDocument, LoadError> { lock.lock(); defer { lock.unlock() }; return result }
}

private final class HandleHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: URLFetcher.Handle?
    private var cancelled = false
    func set(_ h: URLFetcher.Handle) {
        lock.lock(); handle = h; let c = cancelled; lock.unlock()
        if c { h.cancel() }
    }
    func cancel() {
        lock.lock(); cancelled = true; let h = handle; lock.unlock()
        h?.cancel()
    }
}

/// Receives the response as it streams; all state behind one lock, completion called once.
fileprivate final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let url: URL
    let options: URLFetcher.Options
    let source: String
    private let completion: @Sendable (Result<FetchedDocument, LoadError>) -> Void
    private let lock = NSLock()
    private var data = Data()
    private var response: HTTPURLResponse?
    private var redirects = 0
    private var visited: Set<String>
    private var finished = false
    var session: URLSession?
    var task: URLSessionTask?

    init(url: URL, options: URLFetcher.Options, completion: @escaping @Sendable (Result<FetchedDocument, LoadError>) -> Void) {
        self.url = url
        self.options = options
        self.source = url.absoluteString
        self.completion = completion
        self.visited = [url.absoluteString]
    }

    /// Ends the fetch with an error (first outcome wins) and stops the transfer.
    func fail(_ error: LoadError) {
        finish(.failure(error))
    }

    private func finish(_ result: Result<FetchedDocument, LoadError>) {
        lock.lock()
        if finished { lock.unlock(); return }
        finished = true
        let s = session, t = task
        session = nil
        lock.unlock()
        if case .failure = result { t?.cancel() }
        s?.invalidateAndCancel()
        completion(result)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            fail(.network(source, detail: "the answer is not an HTTP response"))
            return
        }
        let status = http.statusCode
        guard (200..<300).contains(status) else {
            completionHandler(.cancel)
            fail(.network(source, detail: "the server answered \(status) \(URLFetcher.reason(status))"))
            return
        }
        let contentType = http.value(forHTTPHeaderField: "Content-Type")
        let mime = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard URLFetcher.isAcceptable(mimeType: mime) else {
            completionHandler(.cancel)
            fail(.notText(source, detail: "the server sent \(mime ?? "unknown content"), not a web page or text"))
            return
        }
        let length = http.expectedContentLength
        if length > Int64(options.maximumBytes) {
            completionHandler(.cancel)
            fail(.tooLarge(source, bytes: Int(clamping: length), limit: options.maximumBytes))
            return
        }
        lock.lock(); self.response = http; lock.unlock()
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        lock.lock()
        data.append(chunk)
        let count = data.count
        lock.unlock()
        if count > options.maximumBytes {
            fail(.tooLarge(source, bytes: count, limit: options.maximumBytes))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard let next = request.url else { completionHandler(nil); fail(.network(source, detail: "a redirect without a target")); return }
        lock.lock()
        redirects += 1
        let count = redirects
        let loop = !visited.insert(next.absoluteString).inserted
        lock.unlock()
        let scheme = next.scheme?.lowercased()
        if scheme != "http" && scheme != "https" {
            completionHandler(nil)
            fail(.network(source, detail: "redirected to \(next.absoluteString), which is not a web address"))
        } else if loop {
            completionHandler(nil)
            fail(.network(source, detail: "redirect loop: \(next.absoluteString) was already visited after \(count) redirects"))
        } else if count > options.maximumRedirects {
            completionHandler(nil)
            fail(.network(source, detail: "too many redirects (more than \(options.maximumRedirects))"))
        } else {
            completionHandler(request)
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            fail(.network(source, detail: FetchDelegate.describe(error, timeout: options.timeout)))
            return
        }
        lock.lock()
        let response = self.response
        let body = data
        lock.unlock()
        guard let response else {
            fail(.network(source, detail: "the server sent no answer"))
            return
        }
        let contentType = response.value(forHTTPHeaderField: "Content-Type")
        let mime = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        finish(.success(FetchedDocument(requestedURL: url, finalURL: response.url ?? url, statusCode: response.statusCode,
                                        mimeType: mime, charset: CharsetDecoder.charset(fromContentType: contentType),
                                        data: body)))
    }

    static func describe(_ error: Error, timeout: TimeInterval) -> String {
        let ns = error as NSError
        guard ns.domain == NSURLErrorDomain else { return ns.localizedDescription }
        switch ns.code {
        case NSURLErrorTimedOut: return "no answer within \(Int(timeout)) seconds (timed out)"
        case NSURLErrorCannotFindHost, NSURLErrorDNSLookupFailed: return "the server's name could not be found"
        case NSURLErrorCannotConnectToHost: return "could not connect to the server"
        case NSURLErrorNetworkConnectionLost: return "the connection was lost"
        case NSURLErrorNotConnectedToInternet: return "no network connection"
        case NSURLErrorHTTPTooManyRedirects: return "too many redirects"
        case NSURLErrorCancelled: return "cancelled"
        case NSURLErrorSecureConnectionFailed, NSURLErrorServerCertificateUntrusted, NSURLErrorServerCertificateHasBadDate,
             NSURLErrorServerCertificateNotYetValid, NSURLErrorServerCertificateHasUnknownRoot:
            return "the secure connection failed (\(ns.localizedDescription))"
        default: return ns.localizedDescription
        }
    }
}

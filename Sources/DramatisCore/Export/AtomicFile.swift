import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// Writes a file so that readers only ever see the old file or the complete new one.
///
/// The bytes go to a hidden temporary file in the destination's folder (`.NAME.XXXXXX.part`),
/// are flushed to disk, then `rename(2)` replaces the destination in one step. Any failure
/// removes the temporary file and leaves the destination as it was. A process killed while
/// writing can leave only the hidden `.part` file behind, never a truncated destination.
public enum AtomicFile {
    /// Writes `data` to `url` atomically.
    public static func write(_ data: Data, to url: URL) throws {
        try write(to: url) { fd in
            try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                try writeAll(fd, buffer, path: url.path)
            }
        }
    }

    /// Runs `body` with a descriptor open on the temporary file; when it returns, the file
    /// replaces `url`. If `body` throws, nothing at `url` changes and the error is rethrown.
    public static func write(to url: URL, _ body: (_ fd: Int32) throws -> Void) throws {
        let path = url.standardizedFileURL.path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try checkDestination(path: path, folder: folder)

        var template = Array((folder as NSString).appendingPathComponent(".\(name).XXXXXX.part").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        if fd < 0 {
            throw ExportError.notWritable(path: path, reason: errnoText())
        }
        // mkstemps filled in the XXXXXX; the name is the bytes before the terminating NUL.
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var committed = false
        SignalCleanup.track(temporary)
        defer {
            if !committed { unlink(temporary) }
            SignalCleanup.track(nil)
        }
        do {
            try body(fd)
        } catch {
            close(fd)
            throw error
        }
        // Keep the permissions of a file being replaced; a new file gets 0666 minus the umask.
        var mode: mode_t
        var st = stat()
        if stat(path, &st) == 0 {
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0); umask(mask)
            mode = 0o666 & ~mask
        }
        fchmod(fd, mode)
        if fsync(fd) != 0 {
            let reason = errnoText()
            close(fd)
            throw ExportError.writeFailed(path: path, reason: reason)
        }
        if close(fd) != 0 {
            throw ExportError.writeFailed(path: path, reason: errnoText())
        }
        if rename(temporary, path) != 0 {
            throw ExportError.writeFailed(path: path, reason: errnoText())
        }
        committed = true
        // Make the rename itself durable.
        let dirfd = open(folder, O_RDONLY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }

    /// Writes every byte of `buffer`, retrying short writes and EINTR.
    public static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let n = posixWrite(fd, base, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                throw ExportError.writeFailed(path: path, reason: errnoText())
            }
            remaining -= n
            base = base.advanced(by: n)
        }
    }

    static func checkDestination(path: String, folder: String) throws {
        var isDirectory: ObjCBool = false
        let fm = FileManager.default
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ExportError.destinationIsFolder(path: path)
        }
        guard fm.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ExportError.folderMissing(path: folder)
        }
        guard isDirectory.boolValue else {
            throw ExportError.notWritable(path: path, reason: "\(folder) is not a folder")
        }
        if access(folder, W_OK | X_OK) != 0 {
            throw ExportError.notWritable(path: path, reason: errnoText())
        }
    }

    /// For command-line tools: on SIGINT, SIGTERM or SIGHUP, remove the temporary file being
    /// written (if any), then die of the signal as usual. The destination is never touched.
    public static func removeTemporaryFileOnSignal() {
        SignalCleanup.install()
    }

    static func errnoText() -> String {
        String(cString: strerror(errno)).lowercased()
    }
}

/// The temporary file being written, kept in a fixed C buffer a signal handler may read.
/// One slot: the command line writes one file at a time. (The window does not install it.)
enum SignalCleanup {
    static let capacity = 4096
    nonisolated(unsafe) static let slot: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        p.initialize(repeating: 0, count: capacity)
        return p
    }()
    nonisolated(unsafe) static var installed = false

    static func track(_ path: String?) {
        guard installed else { return }
        slot[0] = 0
        guard let path else { return }
        let bytes = Array(path.utf8CString)
        guard bytes.count < capacity else { return }
        for i in 1..<bytes.count { slot[i] = bytes[i] }
        slot[0] = bytes[0] // publish the first byte last
    }

    static func install() {
        _ = slot
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { sig in
                if SignalCleanup.slot[0] != 0 { unlink(SignalCleanup.slot) }
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}

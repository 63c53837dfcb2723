import CGtk
import CGtkShim
import Foundation

/// Feeds the Dispatch main queue from the GLib main loop, so `Task { @MainActor in }`, `await`
/// and `DispatchQueue.main.async` resume while `g_application_run` owns the main thread.
@MainActor
enum GLibMainQueue {
    private static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        let fd = _dispatch_get_main_queue_handle_4CF()
        g_unix_fd_add(fd, G_IO_IN, { fd, _, _ in
            // The handle is an eventfd: it must be read, or it stays readable and spins the loop.
            var counter: UInt64 = 0
            _ = withUnsafeMutableBytes(of: &counter) { read(fd, $0.baseAddress, 8) }
            _dispatch_main_queue_callback_4CF(nil)
            return 1 // G_SOURCE_CONTINUE
        }, nil)
    }
}

import CGtk
import CGtkShim
import Foundation

// All `@convention(c)` code of the window lives here: one trampoline per C signature, each turning
// the user-data pointer back into a retained box and calling the Swift handler on the main actor.
// Boxes are retained when connecting and released by GLib's destroy notify.

final class HandlerBox<Handler> {
    let handler: Handler
    init(_ handler: Handler) { self.handler = handler }
}

@inline(__always)
private func unbox<H>(_ data: gpointer?, as: H.Type) -> H {
    Unmanaged<HandlerBox<H>>.fromOpaque(data!).takeUnretainedValue().handler
}

private let releaseBox: GClosureNotify = { data, _ in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

private let releaseBoxNotify: GDestroyNotify = { data in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}

private func retain<H>(_ handler: H) -> gpointer {
    Unmanaged.passRetained(HandlerBox(handler) as AnyObject).toOpaque()
}

@MainActor
private func connectRaw<H>(_ instance: UnsafeMutableRawPointer, _ signal: String, _ handler: H,
                           _ trampoline: GCallback) -> UInt {
    UInt(g_signal_connect_data(instance, signal, trampoline, retain(handler), releaseBox, GConnectFlags(0)))
}

/// Signal connection with typed Swift handlers. `instance` is any GObject pointer.
@MainActor
enum Signal {
    typealias Void0 = @MainActor () -> Void
    typealias Pointer1 = @MainActor (UnsafeMutableRawPointer?) -> Void
    typealias Bool0 = @MainActor () -> Bool
    typealias Int1 = @MainActor (Int32) -> Void
    typealias Pressed = @MainActor (_ nPress: Int32, _ x: Double, _ y: Double) -> Void
    typealias Motion = @MainActor (_ x: Double, _ y: Double) -> Void
    typealias QueryTooltip = @MainActor (_ x: Int32, _ y: Int32, _ keyboard: Bool, _ tooltip: Tooltip?) -> Bool
    typealias Drop = @MainActor (_ value: UnsafePointer<GValue>?, _ x: Double, _ y: Double) -> Bool
    typealias Open = @MainActor (_ files: [OpaquePointer]) -> Void

    /// `void handler(GObject*, gpointer)`: clicked, activate, changed, destroy, after-paint…
    @discardableResult
    static func on(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Void0) -> UInt {
        let t: @convention(c) (gpointer?, gpointer?) -> Void = { _, data in
            let h = unbox(data, as: Void0.self)
            MainActor.assumeIsolated { h() }
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// `void handler(GObject*, gpointer arg, gpointer)`: row-activated, row-selected, action activate…
    @discardableResult
    static func onPointer(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Pointer1) -> UInt {
        let t: @convention(c) (gpointer?, gpointer?, gpointer?) -> Void = { _, arg, data in
            let h = unbox(data, as: Pointer1.self)
            MainActor.assumeIsolated { h(arg) }
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// `gboolean handler(GObject*, gpointer)`: close-request.
    @discardableResult
    static func onBool(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Bool0) -> UInt {
        let t: @convention(c) (gpointer?, gpointer?) -> gboolean = { _, data in
            let h = unbox(data, as: Bool0.self)
            return MainActor.assumeIsolated { h() } ? 1 : 0
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// `void handler(GObject*, int, gpointer)`: GtkNativeDialog::response.
    @discardableResult
    static func onInt(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Int1) -> UInt {
        let t: @convention(c) (gpointer?, Int32, gpointer?) -> Void = { _, value, data in
            let h = unbox(data, as: Int1.self)
            MainActor.assumeIsolated { h(value) }
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// GtkGestureClick::pressed / ::released.
    @discardableResult
    static func onPressed(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Pressed) -> UInt {
        let t: @convention(c) (gpointer?, Int32, Double, Double, gpointer?) -> Void = { _, n, x, y, data in
            let h = unbox(data, as: Pressed.self)
            MainActor.assumeIsolated { h(n, x, y) }
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// GtkEventControllerMotion::motion / ::enter.
    @discardableResult
    static func onMotion(_ instance: some PointerConvertible, _ signal: String, _ handler: @escaping Motion) -> UInt {
        let t: @convention(c) (gpointer?, Double, Double, gpointer?) -> Void = { _, x, y, data in
            let h = unbox(data, as: Motion.self)
            MainActor.assumeIsolated { h(x, y) }
        }
        return connectRaw(instance.raw, signal, handler, unsafeBitCast(t, to: GCallback.self))
    }

    typealias Key = @MainActor (_ keyval: UInt32, _ state: UInt32) -> Bool

    /// GtkEventControllerKey::key-pressed.
    @discardableResult
    static func onKeyPressed(_ instance: some PointerConvertible, _ handler: @escaping Key) -> UInt {
        let t: @convention(c) (gpointer?, UInt32, UInt32, UInt32, gpointer?) -> gboolean = { _, keyval, _, state, data in
            let h = unbox(data, as: Key.self)
            return MainActor.assumeIsolated { h(keyval, state) } ? 1 : 0
        }
        return connectRaw(instance.raw, "key-pressed", handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// GtkWidget::query-tooltip.
    @discardableResult
    static func onQueryTooltip(_ instance: some PointerConvertible, _ handler: @escaping QueryTooltip) -> UInt {
        let t: @convention(c) (gpointer?, Int32, Int32, gboolean, OpaquePointer?, gpointer?) -> gboolean = {
            _, x, y, keyboard, tooltip, data in
            let h = unbox(data, as: QueryTooltip.self)
            return MainActor.assumeIsolated { h(x, y, keyboard != 0, tooltip.map(Tooltip.init)) } ? 1 : 0
        }
        return connectRaw(instance.raw, "query-tooltip", handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// GtkDropTarget::drop.
    @discardableResult
    static func onDrop(_ instance: some PointerConvertible, _ handler: @escaping Drop) -> UInt {
        let t: @convention(c) (gpointer?, UnsafePointer<GValue>?, Double, Double, gpointer?) -> gboolean = {
            _, value, x, y, data in
            let h = unbox(data, as: Drop.self)
            return MainActor.assumeIsolated { h(value, x, y) } ? 1 : 0
        }
        return connectRaw(instance.raw, "drop", handler, unsafeBitCast(t, to: GCallback.self))
    }

    /// GApplication::open.
    @discardableResult
    static func onOpen(_ instance: some PointerConvertible, _ handler: @escaping Open) -> UInt {
        let t: @convention(c) (gpointer?, UnsafeMutablePointer<OpaquePointer?>?, Int32,
                               UnsafePointer<CChar>?, gpointer?) -> Void = { _, files, count, _, data in
            let h = unbox(data, as: Open.self)
            let list = (0..<Int(max(count, 0))).compactMap { files?[$0] }
            MainActor.assumeIsolated { h(list) }
        }
        return connectRaw(instance.raw, "open", handler, unsafeBitCast(t, to: GCallback.self))
    }
}

/// Callbacks that GTK stores with a destroy notify (not signals).
@MainActor
enum Callback {
    typealias Draw = @MainActor (_ cr: OpaquePointer, _ width: Int32, _ height: Int32) -> Void
    typealias RowFilter = @MainActor (_ row: UnsafeMutablePointer<GtkListBoxRow>) -> Bool

    static func setDrawFunction(_ area: UnsafeMutablePointer<GtkDrawingArea>, _ draw: @escaping Draw) {
        gtk_drawing_area_set_draw_func(area, { _, cr, w, h, data in
            let d = unbox(data, as: Draw.self)
            guard let cr else { return }
            MainActor.assumeIsolated { d(cr, w, h) }
        }, retain(draw), releaseBoxNotify)
    }

    /// Runs `step` whenever the main loop is idle (after drawing, at GLib's default idle
    /// priority) until it returns false.
    static func idle(_ step: @escaping @MainActor () -> Bool) {
        g_idle_add_full(G_PRIORITY_DEFAULT_IDLE, { data in
            let step = unbox(data, as: (@MainActor () -> Bool).self)
            return MainActor.assumeIsolated { step() } ? 1 : 0
        }, retain(step), releaseBoxNotify)
    }

    /// Builds a menu button's popover the first time it opens (`build` calls
    /// `gtk_menu_button_set_popover` or `…_set_menu_model`): no first frame pays for it.
    static func buildPopoverOnFirstOpen(_ button: Widget, _ build: @escaping @MainActor () -> Void) {
        var built = false
        let once: @MainActor () -> Void = {
            guard !built else { return }
            built = true
            build()
        }
        gtk_menu_button_set_create_popup_func(opaque(button), { _, data in
            let f = unbox(data, as: (@MainActor () -> Void).self)
            MainActor.assumeIsolated { f() }
        }, retain(once), releaseBoxNotify)
    }

    static func setFilter(_ list: OpaquePointer, _ filter: @escaping RowFilter) {
        gtk_list_box_set_filter_func(list, { row, data in
            let f = unbox(data, as: RowFilter.self)
            guard let row else { return 1 }
            return MainActor.assumeIsolated { f(row) } ? 1 : 0
        }, retain(filter), releaseBoxNotify)
    }
}

/// Anything that hands out a GObject instance pointer.
protocol PointerConvertible { var raw: UnsafeMutableRawPointer { get } }
extension UnsafeMutablePointer: PointerConvertible { var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) } }
extension OpaquePointer: PointerConvertible { var raw: UnsafeMutableRawPointer { UnsafeMutableRawPointer(self) } }
extension UnsafeMutableRawPointer: PointerConvertible { var raw: UnsafeMutableRawPointer { self } }

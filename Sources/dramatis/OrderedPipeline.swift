import Foundation

/// Runs `transform` over a stream of items on worker threads and hands the results to `write` in
/// input order, with at most `window` items read and not yet written: memory stays flat however
/// long the stream, and one slow item holds up the output, not the other workers, until the
/// window is full. The folder batch and `--stdin` share it.
final class OrderedPipeline<Item, Output>: @unchecked Sendable {
    private let read: () -> Item?
    private let transform: (Item) -> Output
    private let window: Int
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var pending: [(Int, Item)] = []
    private var finished: [Int: Output] = [:]
    private var readCount = 0, writtenCount = 0, endOfInput = false

    /// `read` runs on a thread of its own (so a producer that waits for each answer before it
    /// sends the next record never deadlocks), `transform` on `threads` threads, `write` on the caller's.
    static func run(threads: Int, window: Int, read: @escaping () -> Item?,
                    transform: @escaping (Item) -> Output, write: (Output) -> Void) {
        let pipeline = OrderedPipeline(read: read, transform: transform, window: max(window, threads, 1))
        pipeline.start(Thread { pipeline.readLoop() })
        for _ in 0..<max(1, threads) { pipeline.start(Thread { pipeline.workLoop() }) }
        pipeline.writeLoop(write)
    }

    private init(read: @escaping () -> Item?, transform: @escaping (Item) -> Output, window: Int) {
        self.read = read
        self.transform = transform
        self.window = window
    }

    private func start(_ thread: Thread) {
        thread.stackSize = 8 << 20 // the analysis recurses over nested HTML; as much as the main thread
        thread.start()
    }

    private func readLoop() {
        while true {
            condition.lock()
            while readCount - writtenCount >= window { condition.wait() }
            condition.unlock()
            let item = read()
            condition.lock()
            if let item {
                pending.append((readCount, item))
                readCount += 1
            } else {
                endOfInput = true
            }
            condition.broadcast()
            condition.unlock()
            if item == nil { return }
        }
    }

    private func workLoop() {
        while true {
            condition.lock()
            while pending.isEmpty && !endOfInput { condition.wait() }
            if pending.isEmpty { condition.unlock(); return }
            let (index, item) = pending.removeFirst() // at most `window` long
            condition.unlock()
            let output = transform(item)
            condition.lock()
            finished[index] = output
            condition.broadcast()
            condition.unlock()
        }
    }

    private func writeLoop(_ write: (Output) -> Void) {
        condition.lock()
        while true {
            while finished[writtenCount] == nil && !(endOfInput && writtenCount == readCount) { condition.wait() }
            guard let output = finished.removeValue(forKey: writtenCount) else { break }
            writtenCount += 1
            condition.broadcast()
            condition.unlock()
            write(output)
            condition.lock()
        }
        condition.unlock()
    }
}

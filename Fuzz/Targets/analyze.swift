import Foundation
@testable import DramatisCore

/// Fuzz target "analyze": arbitrary bytes, decoded leniently as UTF-8 (invalid sequences become
/// U+FFFD), read as a plain-text article (title rule included) and run through the whole pipeline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyze(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    FuzzEntry.analyze(bytes)
    return 0
}

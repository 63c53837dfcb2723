import Foundation
@testable import DramatisCore

/// Fuzz target "export": the analysis of fuzzed text rendered as Markdown, HTML and JSON; the
/// JSON must decode back to an equal analysis.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExport(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    FuzzEntry.export(bytes)
    return 0
}

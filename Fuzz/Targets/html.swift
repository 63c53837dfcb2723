import Foundation
@testable import DramatisCore

/// Fuzz target "html": arbitrary bytes through the loader as an `.html` file (charset sniffing,
/// libxml2, body extraction) and then the analysis of whatever article comes out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    FuzzEntry.html(bytes)
    return 0
}

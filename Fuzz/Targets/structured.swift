import Foundation
@testable import DramatisCore

/// Fuzz target "structured": the bytes are a sequence of article fragments (`FuzzText`), so every
/// mutation is a text with quotes, names, combining marks, scripts and markup mixed; analysed as a
/// plain-text article. Run with `-timeout` to flag slow inputs too (`make fuzz`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStructured(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    FuzzEntry.structured(bytes)
    return 0
}

/// Loads the lexicons and models before the first input, so their loading (seconds in the
/// instrumented build) is not taken for a slow input by `-timeout`.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzStructuredInitialize(_ argc: UnsafeMutablePointer<CInt>?,
                                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    _ = Resources.shared.missingFiles
    return 0
}

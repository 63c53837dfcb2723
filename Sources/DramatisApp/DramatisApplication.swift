import CGtk
import CGtkShim
import DramatisCore
import Foundation

/// Entry point of the window; `files` are opened each in a window.
public enum DramatisApplication {
    @MainActor public static func run(files: [String], arguments: [String]) -> Int32 {
        FileHandle.standardError.write(Data("dramatis: the window is not built yet\n".utf8))
        return 1
    }
}

// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Dramatis",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dramatis", targets: ["dramatis"]),
        .library(name: "DramatisCore", targets: ["DramatisCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "CGtk", pkgConfig: "gtk4 libadwaita-1",
                       providers: [.apt(["libgtk-4-dev", "libadwaita-1-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "pangocairo cairo-pdf",
                       providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]),
        // Static-inline wrappers for GTK macros and variadic functions Swift cannot import.
        .target(name: "CGtkShim", dependencies: ["CGtk"]),

        // The analysis core: Foundation (and libxml2 for HTML) only, never GTK or cairo.
        .target(name: "DramatisCore", dependencies: ["CLibXML2"]),
        // The persistent library of analysed articles (SQLite through GRDB), beside the core so the
        // core stays free of storage.
        .target(name: "DramatisLibrary", dependencies: ["DramatisCore", .product(name: "GRDB", package: "GRDB.swift")]),
        // PDF export through cairo + Pango, beside the core.
        .target(name: "DramatisPDF", dependencies: ["DramatisCore", "CCairo"]),
        // The GTK4/libadwaita window.
        .target(name: "DramatisApp", dependencies: ["DramatisCore", "DramatisPDF", "DramatisLibrary", "CGtk", "CGtkShim"]),
        // Entry point: CLI subcommands, or the window when none is given.
        .executableTarget(name: "dramatis", dependencies: [
            "DramatisCore", "DramatisPDF", "DramatisApp", "DramatisLibrary",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Scores the core on gold folders without building the window (scripts/evaluate.sh).
        .executableTarget(name: "dramatis-eval", dependencies: ["DramatisCore"]),

        .testTarget(name: "DramatisCoreTests", dependencies: ["DramatisCore"]),
        .testTarget(name: "DramatisCLITests", dependencies: ["dramatis", "DramatisLibrary"]),
        // The library: storage, migrations, identity across articles, crash safety.
        .testTarget(name: "DramatisLibraryTests", dependencies: ["DramatisLibrary", "DramatisCore"]),
        // Pure parts of the window (timeline layout, mention lookup); needs no display.
        .testTarget(name: "DramatisAppTests", dependencies: ["DramatisApp", "DramatisCore"]),
        // Exporters (Markdown, HTML, JSON, PDF), summary builder, atomic writes.
        .testTarget(name: "DramatisExportTests", dependencies: ["DramatisCore", "DramatisPDF", "CLibXML2"]),
    ],
    swiftLanguageModes: [.v6]
)

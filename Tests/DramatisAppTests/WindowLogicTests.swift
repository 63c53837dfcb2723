import Foundation
import Testing
import DramatisCore
@testable import DramatisApp

/// Pure parts of the window's new dialogs and messages: tested without a display.
struct WindowLogicTests {
    @Test func withoutAGPUTheWindowDrawsWithCairoUnlessTheUserChoseARenderer() {
        let cairo = SoftwareRendering.settings(environment: [:], driNodes: [])
        #expect(cairo.map(\.0) == ["GSK_RENDERER", "GDK_DEBUG"])
        #expect(cairo.map(\.1) == ["cairo", "gl-disable"])
        // A card node without a render node is no GPU for GTK's GL either.
        #expect(SoftwareRendering.settings(environment: [:], driNodes: ["card0"]).count == 2)
        #expect(SoftwareRendering.settings(environment: [:], driNodes: ["card0", "renderD128"]).isEmpty)
        #expect(SoftwareRendering.settings(environment: ["GSK_RENDERER": "gl"], driNodes: []).isEmpty)
        #expect(SoftwareRendering.settings(environment: ["GDK_DEBUG": "portals"], driNodes: []).isEmpty)
    }

    @Test func openLocationAcceptsOnlyHTTPAddresses() {
        #expect(LocationDialog.address("https://example.com/news/a.html") == "https://example.com/news/a.html")
        #expect(LocationDialog.address("  http://127.0.0.1:8080/x  ") == "http://127.0.0.1:8080/x")
        #expect(LocationDialog.address("example.com/news") == "https://example.com/news")
        #expect(LocationDialog.address("HTTPS://EXAMPLE.COM") == "HTTPS://EXAMPLE.COM")
        for bad in ["", "   ", "ftp://example.com/a", "file:///etc/passwd", "/home/me/article.txt",
                    "article", "https://", "http:///path", "https://exa mple.com", "javascript:alert(1)"] {
            #expect(LocationDialog.address(bad) == nil, "\(bad) must be refused")
        }
    }

    @Test @MainActor func exportMessagesNameTheFileOrTheError() {
        let ok: Result<URL, Error> = .success(URL(fileURLWithPath: "/tmp/out/a & <b>.md"))
        #expect(ExportMenu.message(for: ok) == "Exported to a & <b>.md")
        let error: Result<URL, Error> = .failure(ExportError.folderMissing(path: "/nope/x.pdf"))
        #expect(ExportMenu.message(for: error) == "Could not export: /nope/x.pdf: the folder does not exist")
    }

    @Test @MainActor func reanalysingWithAnotherDateChangesOnlyThePublicationDate() async {
        let article = Article(title: "T", published: "2025-08-18", source: nil,
                              text: "The summit took place on Friday, officials said.")
        let first = await DocumentLoader.analyse(article, published: article.published).value
        #expect(first.annotated != nil)
        let cleared = await DocumentLoader.reanalyse(first, published: nil).value
        #expect(cleared.analysis.article.published == nil)
        #expect(cleared.analysis.article.text == article.text)
        let set = await DocumentLoader.reanalyse(first, published: "2024-01-10").value
        #expect(set.analysis.article.published == "2024-01-10")
        // Only the date-dependent components ran again (Analyzer.reanalyze): a full analysis's result.
        var moved = article
        moved.published = "2024-01-10"
        #expect(set.analysis == Analyzer().analyze(moved))
        // A saved document carries no annotations: it is analysed in full.
        let saved = await DocumentLoader.reanalyse(AnalysedDocument(saved: first.analysis), published: "2024-01-10").value
        #expect(saved.analysis == set.analysis)
        #expect(saved.annotated != nil)
    }
}

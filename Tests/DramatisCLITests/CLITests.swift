import Foundation
import Testing

/// `dramatis analyze` as a user runs it: golden output on a small article, and one-line errors
/// with a non-zero exit for bad input (swift-argument-parser's golden-test style).
@Suite struct CLITests {
    let cli = ExportCLITests()

    func article(_ text: String, name: String = "article.txt") throws -> String {
        let folder = try cli.temporaryFolder()
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    struct Doc: Decodable {
        struct Art: Decodable { let title: String?; let published: String?; let text: String }
        struct Ent: Decodable { let id: String; let name: String; let type: String; let role: String? }
        struct St: Decodable { let speaker: String?; let kind: String; let text: String; let cue: String?; let channel: String? }
        struct Item: Decodable { let date: String?; let relative: String? }
        let schema: String
        let article: Art
        let entities: [Ent]
        let statements: [St]
        let timeline: [Item]
    }

    @Test func goldenAnalysisOfAShortArticle() throws {
        let path = try article("""
        Minister backs plan

        “We will build the bridge,” Transport Minister Anna Berg said on Friday in a statement.

        The opposition leader, Mr Tomas Lind, said the plan would cost too much.
        """)
        let run = try cli.dramatis(["analyze", path, "--published", "2024-05-06", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let doc = try JSONDecoder().decode(Doc.self, from: Data(run.stdout.utf8))
        #expect(doc.schema == "dramatis.analysis/1")
        #expect(doc.article.title == "Minister backs plan")
        #expect(doc.article.published == "2024-05-06")
        let names = doc.entities.map(\.name)
        #expect(names.contains("Anna Berg") && names.contains("Tomas Lind"))
        let berg = try #require(doc.entities.first { $0.name == "Anna Berg" })
        #expect(berg.role == "Transport Minister")
        let lind = try #require(doc.entities.first { $0.name == "Tomas Lind" })
        #expect(doc.statements.count == 2)
        #expect(doc.statements[0].text == "We will build the bridge")
        #expect(doc.statements[0].kind == "direct")
        #expect(doc.statements[0].speaker == berg.id)
        #expect(doc.statements[0].channel == "statement")
        #expect(doc.statements[1].text == "the plan would cost too much")
        #expect(doc.statements[1].kind == "indirect")
        #expect(doc.statements[1].speaker == lind.id)
        // 2024-05-06 is a Monday; "said on Friday" is the Friday before.
        #expect(doc.timeline.map(\.date) == ["2024-05-03"])
    }

    @Test func publishedOptionIsValidated() throws {
        let path = try article("Body text of the article.")
        let run = try cli.dramatis(["analyze", path, "--published", "18/08/2025"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--published"))
    }

    @Test func badInputGivesOneLineErrorAndNonZeroExit() throws {
        let missing = try cli.dramatis(["analyze", "/nonexistent/file.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "dramatis: /nonexistent/file.txt: no such file\n")
        #expect(missing.stdout.isEmpty)

        let folder = try cli.temporaryFolder()
        let binary = folder.appendingPathComponent("x.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]).write(to: binary)
        let elf = try cli.dramatis(["analyze", binary.path])
        #expect(elf.status == 1)
        #expect(elf.stderr.contains("not a text article"))
        #expect(elf.stderr.split(separator: "\n").count == 1)

        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let e = try cli.dramatis(["analyze", empty.path])
        #expect(e.status == 1)
        #expect(e.stderr.contains("empty"))
    }

    /// A folder whose articles are all in subfolders: not "is a folder, not an article" (folders
    /// are accepted) but what it holds and the flag that reads it; with --recursive it is read.
    @Test func folderWithoutArticlesAtItsTopLevelOffersRecursive() throws {
        let folder = try cli.temporaryFolder()
        let sub = folder.appendingPathComponent("2025")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Data("Minister backs plan\n\nThe minister, Anna Berg, said the plan would work.".utf8)
            .write(to: sub.appendingPathComponent("berg.txt"))
        try Data("not an article".utf8).write(to: folder.appendingPathComponent("notes.pdf.part"))
        let flat = try cli.dramatis(["analyze", folder.path, "--format", "jsonl"])
        #expect(flat.status == 1)
        #expect(flat.stdout.isEmpty)
        #expect(flat.stderr == "dramatis: \(folder.path): holds no articles (.txt, .md, .markdown, .html or .htm files) at its top level; it has 1 subfolder: add --recursive to read them\n")
        #expect(!flat.stderr.contains("not an article"))

        let deep = try cli.dramatis(["analyze", folder.path, "--recursive", "--format", "jsonl"])
        #expect(deep.status == 0, "\(deep.stderr)")
        #expect(deep.stdout.split(separator: "\n").count == 1)
        #expect(deep.stdout.contains("Anna Berg"))

        let empty = try cli.temporaryFolder()
        let none = try cli.dramatis(["analyze", empty.path, "--recursive"])
        #expect(none.status == 1)
        #expect(none.stderr == "dramatis: \(empty.path): holds no articles (.txt, .md, .markdown, .html or .htm files), in it or in its subfolders\n")
        let h = try cli.dramatis(["analyze", "--help"])
        #expect(h.stdout.contains("--recursive"))
    }

    @Test func versionAndHelp() throws {
        let v = try cli.dramatis(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("dramatis "))
        let h = try cli.dramatis(["analyze", "--help"])
        #expect(h.stdout.contains("--format") && h.stdout.contains("--published"))
    }
}

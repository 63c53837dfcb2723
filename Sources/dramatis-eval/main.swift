import DramatisCore
import Foundation

// Batch evaluation runner without the window's dependencies: analyses each
// `IN/NAME.txt` of a gold folder into `OUT/NAME.json`, reading the publication date from the
// `--published-from-gold` sidecar only when asked (scripts/evaluate.sh), so the core can be
// scored while the GTK target is being rebuilt.
// Usage: dramatis-eval OUT_DIR FILE[=YYYY-MM-DD]…
let args = Array(CommandLine.arguments.dropFirst())
// dramatis-eval diagnose-attribution DATA_DIR: the shipped model's cue and speaker figures on gold articles.
if args.first == "diagnose-attribution", args.count >= 2 {
    for line in try AttributionTrainer().diagnose(data: URL(fileURLWithPath: args[1])) { print(line) }
    exit(0)
}
// dramatis-eval train-attribution DATA_DIR OUT.tsv [LIMIT]: the trainer of `dramatis train`, without GTK.
if args.first == "train-attribution", args.count >= 3 {
    var trainer = AttributionTrainer()
    if args.count > 3 { trainer.limit = Int(args[3]) }
    if let e = ProcessInfo.processInfo.environment["EPOCHS"].flatMap(Int.init) { trainer.epochs = e }
    if let m = ProcessInfo.processInfo.environment["MINCOUNT"].flatMap(Int.init) { trainer.minFeatureCount = m }
    let data = URL(fileURLWithPath: args[1])
    let result = try trainer.train(data: data)
    for line in result.report { print(line) }
    try AttributionTrainer.fileText(rows: result.rows, report: result.report, data: data.lastPathComponent)
        .write(toFile: args[2], atomically: true, encoding: .utf8)
    exit(0)
}
// dramatis-eval train-positions MODEL.tsv GOLD_DIR TEXT_DIR: fits the positions model on the
// hand-annotated NAME.gold.json of GOLD_DIR and the NAME.txt of TEXT_DIR (scripts/train-positions.sh).
if args.first == "train-positions" {
    guard args.count == 4 else {
        FileHandle.standardError.write(Data("usage: dramatis-eval train-positions MODEL.tsv GOLD_DIR TEXT_DIR\n".utf8))
        exit(2)
    }
    let goldDir = URL(fileURLWithPath: args[2]), textDir = URL(fileURLWithPath: args[3])
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: goldDir.path)) ?? [])
        .filter { $0.hasSuffix(".gold.json") }.map { String($0.dropLast(".gold.json".count)) }.sorted()
    let trainer = PositionTrainer()
    var articles: [PositionTrainer.Article] = []
    for n in names {
        do {
            articles.append(try trainer.load(text: textDir.appendingPathComponent("\(n).txt").path,
                                             gold: goldDir.appendingPathComponent("\(n).gold.json").path))
        } catch { FileHandle.standardError.write(Data("dramatis-eval: \(n): \(error.localizedDescription)\n".utf8)) }
    }
    let report = trainer.fit(articles)
    let day = ISO8601DateFormatter.string(from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
    let header = "# trained on \(goldDir.lastPathComponent) (\(report.lines[0]); hand annotations, see docs/positions-model.md) by scripts/train-positions.sh on \(day); \(report.lines[1]); \(report.lines[2])"
    let body = ([header, "# row kinds: stance CLASS FEATURE WEIGHT | confidence FEATURE WEIGHT | threshold T (the window's default) | floor T (below it a position is left out)"]
                + report.model.tableRows()).joined(separator: "\n") + "\n"
    try! body.write(toFile: args[1], atomically: true, encoding: .utf8)
    for l in report.lines { print(l) }
    exit(0)
}
// dramatis-eval train-entities DATA_DIR OUT.tsv [LIMIT]: the entity tagger's trainer, without GTK.
// HOLDOUT=interview scores the articles whose name contains it instead of learning them.
if args.first == "train-entities", args.count >= 3 {
    var trainer = EntityTrainer()
    if args.count > 3 { trainer.limit = Int(args[3]) }
    let env = ProcessInfo.processInfo.environment
    if let e = env["EPOCHS"].flatMap(Int.init) { trainer.epochs = e }
    if let m = env["MINCOUNT"].flatMap(Int.init) { trainer.minFeatureCount = m }
    if let h = env["HOLDOUT"], !h.isEmpty { trainer.holdOut = h }
    if env["AUGMENT"] == "0" { trainer.augment = false }
    if let s = env["SILVER"], !s.isEmpty { trainer.silver = URL(fileURLWithPath: s) }
    if let l = env["SILVER_LIMIT"].flatMap(Int.init) { trainer.silverLimit = l }
    let data = URL(fileURLWithPath: args[1])
    let result = try trainer.train(data: data)
    for line in result.report { print(line) }
    try EntityTrainer.fileText(rows: result.rows, report: result.report,
                               data: data.lastPathComponent + (trainer.silver.map { " --silver \($0.lastPathComponent)" } ?? ""))
        .write(toFile: args[2], atomically: true, encoding: .utf8)
    exit(0)
}
// dramatis-eval extract-html PAGE…: the HTML body extraction alone, as `{"article": …}` JSON (fast
// iteration with bench/html_pages.py); DIAGNOSE=1 also prints the blocks and candidates to stderr.
if args.first == "extract-html", args.count >= 2 {
    for path in args.dropFirst() {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = HTMLArticleExtractor.extract(data: data)
        if ProcessInfo.processInfo.environment["DIAGNOSE"] == "1" {
            for line in HTMLArticleExtractor.diagnose(data: data) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        let none: Any = NSNull()
        let article: [String: Any] = ["title": result.title.map { $0 as Any } ?? none,
                                      "published": result.published.map { $0 as Any } ?? none,
                                      "authors": result.authors, "text": result.text,
                                      "not_article": result.notArticleReason.map { $0 as Any } ?? none]
        let doc: [String: Any] = ["article": article]
        print(String(decoding: try JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys]), as: UTF8.self))
    }
    exit(0)
}
guard args.count >= 2 else {
    FileHandle.standardError.write(Data("usage: dramatis-eval OUT_DIR FILE[=YYYY-MM-DD]…\n".utf8))
    exit(2)
}
let out = URL(fileURLWithPath: args[0])
try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
let analyzer = Analyzer()
var failures = 0
for arg in args.dropFirst() {
    let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
    let path = parts[0]
    let published = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
    do {
        // DRAMATIS_EVAL_RAW=1 reads the text as is, past the loader's size limits (profiling long documents).
        let raw = ProcessInfo.processInfo.environment["DRAMATIS_EVAL_RAW"] == "1"
        let analysis = raw
            ? analyzer.analyze(try ArticleLoader.parsePlainText(String(contentsOfFile: path, encoding: .utf8), source: path))
            : try analyzer.analyze(path: path, published: published)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        try analysis.jsonData(pretty: true).write(to: out.appendingPathComponent("\(name).json"))
    } catch {
        FileHandle.standardError.write(Data("dramatis-eval: \(error.localizedDescription)\n".utf8))
        failures += 1
    }
}
exit(failures == 0 ? 0 : 1)

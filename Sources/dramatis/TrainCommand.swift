import ArgumentParser
import DramatisCore
import Foundation

/// `dramatis train attribution|entities --data DIR`: fits a learnt model on gold articles and
/// writes its table (data/models/attribution.tsv or data/models/entities.tsv by default).
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a learnt model on gold articles (NAME.txt + NAME.gold.json).",
        discussion: "Models: attribution (cue words, speaker ranking, unnamed-speaker nouns; docs/attribution-model.md), "
            + "entities (named-entity tagger; --data with mention spans such as gum-train, --silver polnear-train; docs/entities-model.md).")

    enum Model: String, ExpressibleByArgument, CaseIterable { case attribution, entities }

    @Argument(help: "The model to train: attribution or entities.") var model: Model
    @Option(name: .long, help: "Folder of gold articles (e.g. ../shared/eval/polnear-train, ../shared/eval/gum-train).") var data: String
    @Option(name: .long, help: "entities: folder of articles labelled by the rules and their gold speakers (e.g. ../shared/eval/polnear-train).") var silver: String?
    @Option(name: .long, help: "Where to write the model table (default data/models/MODEL.tsv).") var out: String?
    @Option(name: .long, help: "Training epochs (attribution 8, entities 6).") var epochs: Int?
    @Option(name: .long, help: "Seed of the example order (same seed, same weights).") var seed: UInt64 = 1
    @Option(name: .long, help: "Train on the first N articles only.") var limit: Int?

    func run() async throws {
        let dataURL = URL(fileURLWithPath: data)
        let outPath = out ?? "data/models/\(model.rawValue).tsv"
        let text: String
        switch model {
        case .attribution:
            var trainer = AttributionTrainer()
            if let epochs { trainer.epochs = epochs }
            trainer.seed = seed
            trainer.limit = limit
            let result = try trainer.train(data: dataURL)
            for line in result.report { print(line) }
            text = AttributionTrainer.fileText(rows: result.rows, report: result.report, data: dataURL.lastPathComponent)
        case .entities:
            var trainer = EntityTrainer()
            if let epochs { trainer.epochs = epochs }
            trainer.seed = seed
            trainer.limit = limit
            trainer.silverLimit = limit
            trainer.silver = silver.map { URL(fileURLWithPath: $0) }
            let result = try trainer.train(data: dataURL)
            for line in result.report { print(line) }
            text = EntityTrainer.fileText(rows: result.rows, report: result.report,
                                          data: dataURL.lastPathComponent + (silver.map { " --silver \(URL(fileURLWithPath: $0).lastPathComponent)" } ?? ""))
        }
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: outPath))
        print("wrote \(outPath)")
    }
}

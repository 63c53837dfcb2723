import ArgumentParser
import DramatisCore
import Foundation

/// `dramatis train attribution --data DIR`: fits the learnt parts of attribution on gold
/// articles and writes the model table (data/models/attribution.tsv by default).
struct Train: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit a learnt model on gold articles (NAME.txt + NAME.gold.json).",
        discussion: "Models: attribution (cue words, speaker ranking, unnamed-speaker nouns). See docs/attribution-model.md.")

    enum Model: String, ExpressibleByArgument, CaseIterable { case attribution }

    @Argument(help: "The model to train: attribution.") var model: Model
    @Option(name: .long, help: "Folder of gold articles (e.g. ../shared/eval/polnear-train).") var data: String
    @Option(name: .long, help: "Where to write the model table.") var out: String = "data/models/attribution.tsv"
    @Option(name: .long, help: "Training epochs.") var epochs: Int = 8
    @Option(name: .long, help: "Seed of the example order (same seed, same weights).") var seed: UInt64 = 1
    @Option(name: .long, help: "Train on the first N articles only.") var limit: Int?

    func run() async throws {
        var trainer = AttributionTrainer()
        trainer.epochs = epochs
        trainer.seed = seed
        trainer.limit = limit
        let dataURL = URL(fileURLWithPath: data)
        let result = try trainer.train(data: dataURL)
        for line in result.report { print(line) }
        let text = AttributionTrainer.fileText(rows: result.rows, report: result.report, data: dataURL.lastPathComponent)
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: out))
        print("wrote \(out)")
    }
}

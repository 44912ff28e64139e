import ScenarioFormat

/// `batchsim import`: Azure JSON documents in, one scenario (and a trace CSV of its tasks) out.
///
/// Pure: it reads the texts it is given and returns texts, so the command decides where files go and
/// tests run it without touching the disk. Every error is collected before failing, and nothing is
/// returned on error, so the command writes nothing.
public enum AzureImporter {
    /// One input document: the name provenance comments use for it, and its text.
    public struct Source: Sendable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// Imports the documents; throws every error at once.
    public static func run(_ sources: [Source], options: ImportOptions = ImportOptions()) throws(ImportFailure)
        -> ImportResult
    {
        var documents: [(file: String, root: JSONNode)] = []
        var syntaxErrors: [String] = []
        for source in sources {
            do {
                documents.append((source.name, try JSONReader.parse(source.text)))
            } catch {
                syntaxErrors.append("\(source.name):\(error.line):\(error.column): error: \(error.message)")
            }
        }
        guard syntaxErrors.isEmpty else { throw ImportFailure(errors: syntaxErrors) }
        let reader = EstateReader()
        reader.read(documents)
        guard reader.log.errors.isEmpty else { throw ImportFailure(errors: reader.log.errors) }
        var options = options
        if let duration = options.taskDuration, DurationSyntax.parse(duration) == nil {
            // The scenario's own syntax (10m) or Azure's (PT10M, 0:10:00).
            guard case .milliseconds(let milliseconds) = AzureDuration.parse(duration) else {
                throw ImportFailure(errors: [
                    "error: --task-duration: expected a duration such as 10m, PT10M or 0:10:00, found '\(duration)'"
                ])
            }
            options.taskDuration = DurationSyntax.format(milliseconds)
        }
        var writer = ScenarioWriter(estate: reader.estate, options: options, log: reader.log)
        let (scenario, trace) = writer.write()
        guard reader.log.errors.isEmpty else { throw ImportFailure(errors: reader.log.errors) }
        return ImportResult(
            scenario: scenario, trace: trace, warnings: reader.log.warnings + reader.log.unmodelledWarnings)
    }
}

/// Errors and warnings gathered while reading documents. Unmodelled fields are counted per kind of
/// document and field name, so a task list of 5,000 tasks gives one line per field, not 5,000.
///
/// A class because every document reader of one import shares it.
final class ImportLog {
    private(set) var errors: [String] = []
    private(set) var warnings: [String] = []
    private var unmodelled: [String: (count: Int, first: Origin)] = [:]

    func error(_ message: String, at origin: Origin) {
        errors.append(origin.error(message))
    }

    func plainError(_ text: String) {
        errors.append(text)
    }

    func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// A field batchsim does not simulate: listed, never silently dropped.
    func unmodelled(_ kind: String, _ field: String, at origin: Origin) {
        let key = "\(kind) field '\(field)'"
        if let known = unmodelled[key] {
            unmodelled[key] = (known.count + 1, known.first)
        } else {
            unmodelled[key] = (1, origin)
        }
    }

    /// Unmodelled fields, sorted by name: `not modelled, ignored: pool field 'resizeTimeout' (2×, first at …)`.
    var unmodelledWarnings: [String] {
        unmodelled.keys.sorted().compactMap { key in
            guard let entry = unmodelled[key] else { return nil }
            return "not modelled, ignored: \(key) (\(entry.count)×, first at \(entry.first.comment))"
        }
    }
}

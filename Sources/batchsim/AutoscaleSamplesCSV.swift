import AutoscaleFormula

/// The `--samples` CSV of `batchsim autoscale` (rule 28): a `time` column in seconds from t = 0 and one
/// column per sampled variable (the `$` may be left out); an empty cell is a missing sample. Plain
/// comma-separated cells, no quoting: every cell is a number.
enum AutoscaleSamplesCSV {
    /// The samples taken before `before` seconds, timed from `start` (seconds since 1970); a problem
    /// is `line: message`.
    static func read(_ text: String, start: Double, before: Double) throws(AutoscaleInputError)
        -> [SampledVariable: [Sample]]
    {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text  // a spreadsheet's byte-order mark
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
        guard let header = lines.first else { throw AutoscaleInputError(line: 1, message: "the CSV is empty") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
        guard let timeColumn = names.firstIndex(of: "time") else {
            throw AutoscaleInputError(line: 1, message: "the CSV has no 'time' column")
        }
        var columns: [Int: SampledVariable] = [:]
        for (index, name) in names.enumerated() where index != timeColumn {
            guard let variable = SampledVariable(spelled: name) else {
                throw AutoscaleInputError(
                    line: 1,
                    message: "'\(name)' is not a sampled variable ("
                        + SampledVariable.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            guard !columns.values.contains(variable) else {
                throw AutoscaleInputError(line: 1, message: "\(variable.rawValue) has two columns")
            }
            columns[index] = variable
        }
        var samples: [SampledVariable: [Sample]] = [:]
        for (offset, line) in lines.enumerated().dropFirst() where !Self.trimmed(line).isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(Self.trimmed)
            guard cells.count == names.count else {
                throw AutoscaleInputError(
                    line: offset + 1, message: "\(cells.count) cells where the header has \(names.count)")
            }
            guard let time = Double(cells[timeColumn]), time.isFinite else {
                throw AutoscaleInputError(line: offset + 1, message: "'\(cells[timeColumn])' is not a time in seconds")
            }
            guard time < before else { continue }
            for (index, variable) in columns.sorted(by: { $0.key < $1.key }) where !cells[index].isEmpty {
                guard let value = Double(cells[index]), value.isFinite else {
                    throw AutoscaleInputError(line: offset + 1, message: "'\(cells[index])' is not a number")
                }
                samples[variable, default: []].append(Sample(time: start + time, value: value))
            }
        }
        return samples
    }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

internal import Yams

/// Turns Yams output into `YNode`s and libyaml errors into diagnostics.
enum YAMLTree {
    /// Node budget after alias expansion: a scenario has thousands of nodes, an alias bomb billions.
    static let maximumNodes = ScenarioLimits.maximumNodes

    enum Failure: Error {
        case diagnostic(Diagnostic)
    }

    /// Parses one YAML (or JSON) document. `nil` for an empty document.
    static func parse(_ text: String, file: String) throws(Failure) -> YNode? {
        var text = text
        let objection = text.withUTF8 { YAMLEventScan.check($0, file: file) }
        if let objection { throw .diagnostic(objection) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw .diagnostic(diagnostic(for: error, file: file))
        } catch {
            throw .diagnostic(Diagnostic(severity: .error, location: nil, message: "\(error)", file: file))
        }
        guard let node else { return nil }
        var budget = maximumNodes
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let converted = try convert(node, file: file, lines: lines, budget: &budget) else {
            let message = "the document expands to more than \(maximumNodes) nodes through aliases; this is the limit"
            throw .diagnostic(Diagnostic(severity: .error, location: location(node.mark, file), message: message))
        }
        return converted
    }

    /// The indentation of a literal block scalar whose indicator is on line `line`: the leading
    /// spaces of its first line that is not blank.
    private static func blockIndentation(after line: Int, _ lines: [Substring]) -> Int {
        for text in lines.dropFirst(line) where !text.allSatisfy({ $0 == " " || $0 == "\r" }) {
            return text.prefix { $0 == " " }.count
        }
        return 0
    }

    private static func location(_ mark: Mark?, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1))
    }

    private static func convert(
        _ node: Node, file: String, lines: [Substring], budget: inout Int
    ) throws(Failure) -> YNode? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let place = location(node.mark, file)
        switch node {
        case .scalar(let scalar):
            var converted = YNode(
                kind: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), location: place)
            if scalar.style == .literal { converted.blockIndentation = blockIndentation(after: place.line, lines) }
            return converted
        case .sequence(let sequence):
            var items: [YNode] = []
            for item in sequence {
                guard let converted = try convert(item, file: file, lines: lines, budget: &budget) else { return nil }
                items.append(converted)
            }
            return YNode(kind: .sequence(items), location: place)
        case .mapping(let mapping):
            var pairs: [YNode.Pair] = []
            for (key, value) in mapping {
                guard let convertedKey = try convert(key, file: file, lines: lines, budget: &budget),
                    let convertedValue = try convert(value, file: file, lines: lines, budget: &budget)
                else { return nil }
                pairs.append(YNode.Pair(key: convertedKey, value: convertedValue))
            }
            return YNode(kind: .mapping(try applyingMergeKeys(pairs)), location: place)
        case .alias(let alias):
            return YNode(kind: .scalar("*" + alias.anchor.rawValue, plain: false), location: location(alias.mark, file))
        }
    }

    /// YAML merge keys (`<<: *base` or `<<: [*a, *b]`): entries of the merged mappings that the mapping
    /// does not set itself, so shared settings can be written once with an anchor. Anything else after
    /// `<<` (`<<: [1, 2]`, `<<: 5`) is an error: YAML defines no merge of scalars, and ignoring one
    /// would silently drop the settings the writer meant to share.
    private static func applyingMergeKeys(_ pairs: [YNode.Pair]) throws(Failure) -> [YNode.Pair] {
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var own = pairs.filter { !isMergeKey($0.key) }
        var seen = Set(own.compactMap(\.key.text))
        for pair in pairs where isMergeKey(pair.key) {
            let sources: [YNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items): sources = items
            case .scalar: sources = [pair.value]
            }
            for source in sources {
                guard case .mapping(let merged) = source.kind else {
                    let message = "<<: expected a mapping or a list of mappings to merge, found \(source.found)"
                    throw .diagnostic(Diagnostic(severity: .error, location: source.location, message: message))
                }
                for entry in merged where !seen.contains(entry.key.text ?? "") {
                    seen.insert(entry.key.text ?? "")
                    own.append(entry)
                }
            }
        }
        return own
    }

    private static func isMergeKey(_ node: YNode) -> Bool {
        if case .scalar("<<", plain: true) = node.kind { return true }
        return false
    }

    /// A libyaml error as `file:line:column: error: …`.
    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func make(_ mark: Mark?, _ text: String) -> Diagnostic {
            Diagnostic(severity: .error, location: location(mark, file), message: text)
        }
        func make(_ place: SourceLocation?, _ text: String) -> Diagnostic {
            Diagnostic(severity: .error, location: place, message: text, file: file)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                let limit = ScenarioLimits.maximumNesting
                return make(
                    mark, "the document nests lists and mappings deeper than \(limit) levels; this is the limit")
            }
            let contextText = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return make(mark, "invalid YAML: \(problem)\(contextText)")
        case .reader(let problem, let offset, _, let yaml):
            let place = offset.map { locationOfOffset($0, in: yaml, file: file) }
            return make(place, "invalid text: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return make(context.mark, "duplicate key \(names) in one mapping: expected each key once")
        default:
            return Diagnostic(severity: .error, location: nil, message: "invalid YAML: \(error)", file: file)
        }
    }

    /// The place of byte `offset` of a UTF-8 file, valid up to there, counted as libyaml counts:
    /// lines end at LF, CR, CRLF, NEL, LS or PS; columns count Unicode scalars (a byte-order mark too).
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = 0
        while index < offset {
            let byte = bytes[index]
            let next = index + 1 < offset ? bytes[index + 1] : nil
            let third = index + 2 < offset ? bytes[index + 2] : nil
            if byte == 0x0A || (byte == 0x0D && next != 0x0A) {
                line += 1
                column = 1
            } else if byte == 0xC2, next == 0x85 {
                (line, column, index) = (line + 1, 1, index + 1)
            } else if byte == 0xE2, next == 0x80, third == 0xA8 || third == 0xA9 {
                (line, column, index) = (line + 1, 1, index + 2)
            } else if byte & 0xC0 != 0x80, byte != 0x0D {
                column += 1
            }
            index += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func locationOfOffset(_ offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, character) in text.unicodeScalars.enumerated() {
            if index >= offset { break }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}

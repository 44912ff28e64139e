// libyaml itself, through the C module that Yams wraps (SwiftPM makes a dependency's C modules
// importable by its dependents): only its event parser can see a document before a tree exists.
internal import CYaml

/// A first pass over a document's libyaml events, before Yams builds its tree, for the limits that
/// the tree would come too late for.
///
/// Yams builds the whole tree before anything can count it (20 s and 1.5 GB for a 66 MB file of
/// short list items), and it hashes every mapping key to find duplicates, so an alias bomb used as
/// a *key* hangs inside Yams before any node budget applies. This pass stops at the first event past
/// the node limit, counting each alias as the nodes it expands to, and refuses an alias in a key.
/// It also enforces the nesting limit exactly (libyaml's own check counts flow and block levels
/// differently, so its threshold wanders above 1000). Syntax errors are left to Yams, which reports
/// them in its own words.
enum YAMLEventScan {
    /// An open collection.
    private struct Frame {
        var isMapping: Bool
        /// In a mapping: whether the next node is a key.
        var expectingKey = true
        /// Whether the collection is (inside) a mapping key.
        var insideKey: Bool
        var anchor: String?
        /// Nodes of the collection so far, aliases expanded.
        var nodes = 1
    }

    /// The first limit `bytes` (UTF-8) breaks, or `nil`: also for a syntax error, which Yams reports.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var stack: [Frame] = []
        /// Nodes each anchor expands to, so an alias counts what it will become.
        var anchors: [String: Int] = [:]
        var total = 0
        var expandsThroughAliases = false
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            func fail(_ message: String) -> Diagnostic {
                let place = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
                return Diagnostic(severity: .error, location: place, message: message)
            }
            let isKey = stack.last.map { $0.insideKey || ($0.isMapping && $0.expectingKey) } ?? false
            var finished: (nodes: Int, anchor: String?)?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                finished = (1, name(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                let alias = name(event.data.alias.anchor) ?? ""
                if isKey {
                    return fail(
                        "alias '*\(alias)' used as a mapping key: expected a key written out (aliases may only be "
                            + "values)")
                }
                let nodes = anchors[alias] ?? 1
                expandsThroughAliases = expandsThroughAliases || nodes > 1
                finished = (nodes, nil)
            case YAML_SEQUENCE_START_EVENT:
                stack.append(Frame(isMapping: false, insideKey: isKey, anchor: name(event.data.sequence_start.anchor)))
                total += 1
            case YAML_MAPPING_START_EVENT:
                stack.append(Frame(isMapping: true, insideKey: isKey, anchor: name(event.data.mapping_start.anchor)))
                total += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let frame = stack.popLast() { finished = (frame.nodes, frame.anchor) }
            default:
                continue
            }
            if let (nodes, anchor) = finished {
                if let anchor { anchors[anchor] = nodes }
                // A collection's own node was counted when it opened.
                if event.type == YAML_SCALAR_EVENT || event.type == YAML_ALIAS_EVENT { total += nodes }
                if !stack.isEmpty {
                    stack[stack.count - 1].nodes += nodes
                    stack[stack.count - 1].expectingKey.toggle()
                }
            }
            if stack.count > ScenarioLimits.maximumNesting {
                return fail(
                    "the document nests lists and mappings deeper than \(ScenarioLimits.maximumNesting) levels; "
                        + "this is the limit")
            }
            if total > ScenarioLimits.maximumNodes {
                let limit = ScenarioLimits.maximumNodes
                return fail(
                    expandsThroughAliases
                        ? "the document expands to more than \(limit) nodes through aliases; this is the limit"
                        : "the document has more than \(limit) nodes; this is the limit")
            }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafePointer($0)) }
    }
}

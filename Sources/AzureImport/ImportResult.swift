/// What an import produces: the scenario's text, the trace CSV's text when tasks were imported, and
/// the warnings (also written into the scenario as comments, so the file itself says what it guessed).
public struct ImportResult: Sendable, Equatable {
    public var scenario: String
    public var trace: String?
    public var warnings: [String]
}
